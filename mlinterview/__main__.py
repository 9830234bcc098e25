from mlinterview.cli import main

main()
