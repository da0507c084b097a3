"""The success-plan editor: the panel (a tab of Account 360, or full size), its forms and the
template picker."""
