"""NER training and the news NER data sets (template generator, bracket converter)."""
