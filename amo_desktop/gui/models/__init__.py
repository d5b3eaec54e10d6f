"""Qt item models shared by several GUI areas."""
