"""txt2xbrl: plain-text SEC filings (1993-2009) to XBRL 2.1 instance documents."""

__version__ = "0.1.0"
