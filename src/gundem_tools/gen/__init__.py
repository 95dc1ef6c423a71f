"""Seeded generators of evaluation corpora: ``corpus`` (events and stories with their truth), ``questions`` (facts, questions and answers)."""
