"""Tools that live beside gundem but outside its runtime package: NER training
(``gundem_tools.ner``: ``gundem train ner``, needs ``pip install -e ".[train]"``) and the
seeded generators of evaluation data (``gundem_tools.gen``) that the benchmarks and the tests
share. They read data from a source checkout (``gundem_tools.paths``); nothing in ``gundem``
imports them except the ``gundem train ner`` command.
"""
