"""Money as people read it: whole pence in, "£1,234.50" out. Never a float."""


def pounds(pence: int) -> str:
    if type(pence) is not int:
        raise TypeError("money is a whole number of pence")
    whole, part = divmod(abs(pence), 100)
    return f"{'-' if pence < 0 else ''}£{whole:,}.{part:02d}"
