"""Turn coverage of Ofsted inspections of English children's services into analysable tables."""

__version__ = "0.1.0"
