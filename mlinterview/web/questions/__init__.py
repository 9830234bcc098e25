"""The question bank in the database: imported from content files, browsed on the site.

May import: accounts (web app) and mlinterview.bank."""
