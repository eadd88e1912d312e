"""Working Together: co-production between a council and its citizens."""
