from rasad.eval import main

main()
