"""The 1-D demo tab: two runs learning a normal distribution side by side."""
