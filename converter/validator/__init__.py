"""Validation, offline, with one Finding (findings.py) for every check.

schemas.py validates the documents a conversion writes before they are written (XSD against
the bundled schemas, resolver.py keeping it offline). The rest is `txt2xbrl validate` of any
XBRL 2.1 instance (not only ours):

loading.py reads a file defensively (size, DTDs, well-formedness); dts.py finds the schemas and
linkbases an instance uses, bundled or local, never fetched; xsd.py checks XML Schema validity;
rules.py the XBRL 2.1 instance rules; arithmetic.py calculations (Calculations 1.1,
round-to-nearest) and statement identities; run.py walks the inputs and reports.
"""
