"""Pure rules: deadline grammar, working-day calendar, periods, reminder policy and planning."""
