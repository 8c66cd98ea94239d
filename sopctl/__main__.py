from sopctl.cli import main

main()
