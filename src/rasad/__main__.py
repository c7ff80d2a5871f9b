from rasad.cli import app

app()
