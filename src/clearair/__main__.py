from clearair.cli import main

main()
