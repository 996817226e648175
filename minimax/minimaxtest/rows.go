package minimaxtest

import "github.com/planbridge/planbridge/minimax/api"

// The vendor's document gives some lists rows of their own shape
// (SearchResult[ItemSearch], SearchResult[CustomerSearch]); the others list
// the records as they are.

// itemRow is an item as GetItems lists it: ItemSearch, whose name is Title.
func itemRow(i api.Item) api.ItemSearch {
	return api.ItemSearch{ItemID: i.ItemID, Title: i.Name, Code: i.Code, UnitOfMeasurement: i.UnitOfMeasurement,
		MassPerUnit: i.MassPerUnit, ItemType: i.ItemType, VatRate: i.VatRate, Price: i.Price, Currency: i.Currency,
		RevenueAccountDomestic: i.RevenueAccountDomestic, RevenueAccountOutsideEU: i.RevenueAccountOutsideEU,
		RevenueAccountEU: i.RevenueAccountEU, StocksAccount: i.StocksAccount, Composite: i.Composite,
		ProductGroup: i.ProductGroup, ClassificationOfProductByActivity: i.ClassificationOfProductByActivity}
}

// customerRow is a customer as GetCustomers lists it: CustomerSearch.
func customerRow(c api.Customer) api.CustomerSearch {
	return api.CustomerSearch{CustomerID: c.CustomerID, Code: c.Code, Name: c.Name, Address: c.Address,
		PostalCode: c.PostalCode, City: c.City, Country: c.Country, TaxNumber: c.TaxNumber, Usage: c.Usage}
}

// same lists a record as it is: the vendor's Country, Currency and
// ReportTemplate lists have rows of the record's own shape.
func same[T any](v T) T { return v }
