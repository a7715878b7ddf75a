import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()   # checkpoint readers run in spawned processes (core.formats.isolated)
    from ganexplorer.cli import main

    raise SystemExit(main())
