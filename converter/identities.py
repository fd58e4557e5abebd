"""The concepts of the statement identities both the converter and the validator check, by local
name in any US-GAAP year: assets = liabilities and equity; cash at start + change = cash at end."""

ASSETS = "Assets"
LIABILITIES_AND_EQUITY = "LiabilitiesAndStockholdersEquity"
CASH = ("CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents", "CashAndCashEquivalentsAtCarryingValue")
CASH_CHANGE = ("CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect",
               "CashAndCashEquivalentsPeriodIncreaseDecrease")
ALL = {ASSETS, LIABILITIES_AND_EQUITY, *CASH, *CASH_CHANGE}
