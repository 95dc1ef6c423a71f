from gundem.cli import app

app()
