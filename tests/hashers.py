"""A password hasher for tests: Django's default algorithm with far fewer rounds.

Its hashes have the same algorithm name and format as the default hasher's, so the servers the
browser and worker tests start (which keep the default settings) verify them too. Creating a
user with a password costs about 0.4 s with the default million rounds; tests create hundreds.
"""

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class FastPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    iterations = 1_000
