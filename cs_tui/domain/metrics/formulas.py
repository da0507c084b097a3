"""The book's ratios, as fractions (0.85 is 85%); None when there is nothing to divide by.

GRR = (starting ARR - contraction - churn) / starting ARR, never above 1 (nor below 0);
NRR = (starting ARR + expansion - contraction - churn) / starting ARR, never below GRR;
logo churn = customers lost / customers at start, annualised from a monthly rate m as
1 - (1 - m)^12; renewal rate by logos = renewed / due, by value = renewed value (capped at the
original for the gross rate) / renewable value.
"""


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def grr(starting: int, contraction: int, churn: int) -> float | None:
    if starting <= 0:
        return None
    return min(1.0, max(0.0, (starting - contraction - churn) / starting))


def nrr(starting: int, expansion: int, contraction: int, churn: int) -> float | None:
    if starting <= 0:
        return None
    kept = grr(starting, contraction, churn)
    assert kept is not None
    return max(kept, (starting + expansion - contraction - churn) / starting)


def logo_churn(lost: int, at_start: int) -> float | None:
    if at_start <= 0:
        return None
    return min(1.0, max(0.0, lost / at_start))


def annualised_churn(monthly: float) -> float:
    """The yearly churn a steady monthly churn rate gives."""
    if not 0.0 <= monthly <= 1.0:
        raise ValueError(f"a churn rate is a share between 0 and 1, not {monthly}")
    return 1.0 - (1.0 - monthly) ** 12


def renewal_value_gross(renewed_capped: int, renewable: int) -> float | None:
    return min(1.0, renewed_capped / renewable) if renewable > 0 else None


def renewal_value_net(renewed: int, renewable: int) -> float | None:
    return renewed / renewable if renewable > 0 else None
