"""Rules of daily work: cadences, check-in input, next steps and the Today windows."""
