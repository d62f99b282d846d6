"""Training the learned parts (factor readers and the advice ranker) from the library.

Training-only code: it needs scikit-learn (the ``train`` extra), which the
running engine does not. ``python -m clearair.train`` (``make train``) rebuilds
every shipped artefact with fixed seeds and prints the cross-validated figures.
"""
