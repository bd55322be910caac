from msp_select.cli import main

main()
