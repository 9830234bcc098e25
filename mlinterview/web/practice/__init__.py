"""Practice on the web: self-registered candidates answer questions and get feedback at once."""
