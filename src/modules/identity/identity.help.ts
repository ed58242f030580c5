/** Usage text of the identity commands, shown by `hub --help` and on missing arguments. */
export const USER_HELP = `hub user create --username NAME --role admin|analyst|supervisor|officer|partner|auditor --password-stdin
          [--district NAME]... [--agency NAME] [--name "Display Name"] [--must-change-password]
  Creates an account; the password is one line on standard input. Officers and supervisors need
  at least one --district; partners need --agency. --must-change-password: a temporary password,
  the first sign-in must choose a new one before anything else.
hub user list`;
