"""Packaged reference data (pipeline.crosscheck reads ofsted_outcomes.csv from here)."""
