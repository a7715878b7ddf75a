from ganexplorer.cli import main

raise SystemExit(main())
