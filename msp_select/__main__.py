from msp_select.cli import run

run()
