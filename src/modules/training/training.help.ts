export const TRAINING_HELP = `hub training courses|course ID|sessions [--course ID] [--district D] [--from DATE] [--to DATE]|session ID|staff|officer USER_ID [--as-of DATE]
  Courses (with refresher intervals), sessions in a district and who attended, an officer's training record.
hub training coverage [--as-of DATE] [--district D] [--course ID]|refreshers [--as-of DATE] [--days N] [--district D] [--overdue]
  Coverage of each course by district and role; who is due (within N days, default 30) or overdue a refresher.
hub training delivered --from DATE --to DATE [--json]
  Sessions, attendances and officers trained by course and district (the quarterly report's counts).
hub training add-course|update-course ID|add-session|attend SESSION --body JSON
hub training unattend SESSION USER_ID --reason TEXT
  The same changes as the API (JSON bodies of /api/training), audited as cli:<os user>.`;
