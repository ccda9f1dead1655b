"""The partner provinces the shipped plan needs (Savannakhet, Salavan), shipped with the
program as ordinary plugins: ``$DELEGATIONS_DISABLE_PLUGINS`` skips one, and a plugin of
the same name in the officer's plugins folder replaces it."""
