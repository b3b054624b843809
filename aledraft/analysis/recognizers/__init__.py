"""One small module per rule family; each exposes Recognizer instances listed in registry.py."""
