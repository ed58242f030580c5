/** Usage text of the people commands, shown by `hub --help` and on missing arguments. */
export const PEOPLE_HELP = `hub people add --given NAME --family NAME [--dob YYYY-MM-DD] [--district NAME] [--address TEXT [--postcode PC]]
          [--alias "Given Family"]... [--confirm-new] [--json]
  Records a person; likely duplicates are listed (exit 4) unless --confirm-new.
hub people find [--q TEXT] [--district NAME] [--json]
hub people show --id N [--json]
hub people merge --id N --into M
hub people occurrence --id N --role victim|offender --category TEXT --date YYYY-MM-DD --district NAME [--source REF]
hub people repeats [--role victim|offender] [--min 3] [--window 3] [--from YYYY-MM] [--to YYYY-MM] [--district NAME] [--json]
  Every view, search and change is audited as cli:<os user>.`;

export const VEHICLES_HELP = `hub vehicles add --vrm VRM --district NAME [--make TEXT] [--model TEXT] [--colour TEXT] [--json]
  Records a vehicle by its registration (upper case, spaces removed; a VRM recorded already is answered, not duplicated).
hub vehicles find [--vrm PART] [--json]
hub vehicles show --id N [--json]
hub vehicles link --id N --person M [--relation owner|keeper|driver|user]
  Every view, search and change is audited as cli:<os user>.`;
