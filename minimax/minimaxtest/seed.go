package minimaxtest

import (
	"encoding/json"
	"fmt"

	"github.com/planbridge/planbridge/minimax/api"
)

// Seed is data to load into the fake. IDs left nil are assigned.
type Seed struct {
	Customers       []api.Customer       `json:"customers,omitempty"`
	Items           []api.Item           `json:"items,omitempty"`
	Countries       []api.Country        `json:"countries,omitempty"`
	Currencies      []api.Currency       `json:"currencies,omitempty"`
	ReportTemplates []api.ReportTemplate `json:"reportTemplates,omitempty"`
	Orders          []api.Order          `json:"orders,omitempty"`
}

// ParseSeed reads a Seed from JSON, such as a fixture file:
// {"customers": [...], "items": [...], "orders": [...]} with records in the
// API's own form.
func ParseSeed(data []byte) (Seed, error) {
	var s Seed
	if err := json.Unmarshal(data, &s); err != nil {
		return Seed{}, fmt.Errorf("minimaxtest: seed: %w", err)
	}
	return s, nil
}

func ref(id int64, name string) *api.FkField { return &api.FkField{ID: &id, Name: &name} }

func str(s string) *string { return &s }

func dt(s string) api.DateTime {
	d, err := api.ParseDateTime(s)
	if err != nil {
		panic(err) // demo data is written here, not read from outside
	}
	return d
}

func row(itemID int64, code, name, unit string, qty, price float64, desc string) api.OrderRow {
	return api.OrderRow{Item: ref(itemID, name), ItemCode: &code, ItemName: &name, UnitOfMeasurement: &unit,
		Quantity: &qty, Price: &price, Description: &desc}
}

// DemoData is a small Croatian furniture maker's Minimax: four customers
// (one in Slovenia), six items, and five received orders — three confirmed
// with several rows each, one draft, one invalidated. Confirmed orders have
// their DateConfirmed, the invalidated one its DateCanceled.
func DemoData() Seed {
	eur := ref(7, "EUR")
	hr, si := ref(95, "HR"), ref(192, "SI")
	pn := ref(59471, "Standardno - Potvrda primljene narudžbe")
	order := func(id int64, number int32, status string, date, due string, cust *api.FkField, name, addr, post, city string,
		country *api.FkField, ref string, rows ...api.OrderRow) api.Order {
		year := int32(2026)
		o := api.Order{OrderID: &id, ReceivedIssued: str("P"), Year: &year, Number: &number, Date: dt(date), DueDate: dt(due),
			Customer: cust, CustomerName: &name, CustomerAddress: &addr, CustomerPostalCode: &post, CustomerCity: &city,
			CustomerCountry: country, Currency: eur, ReportTemplate: pn, Reference: &ref, Status: &status,
			Notes: str(""), OrderRows: &rows}
		// The action that gave the order its status dated it, as in
		// Minimax: the morning after the order came in.
		acted := dt(dt(date).Time().AddDate(0, 0, 1).Format("2006-01-02") + "T09:30:00")
		switch status {
		case "P":
			o.DateConfirmed = acted
		case "R":
			o.DateCanceled = acted
		}
		return o
	}
	return Seed{
		Countries:  []api.Country{{CountryID: ptr(int64(95)), Code: str("HR"), Name: str("Hrvatska")}, {CountryID: ptr(int64(192)), Code: str("SI"), Name: str("Slovenija")}},
		Currencies: []api.Currency{{CurrencyID: ptr(int64(7)), Code: str("EUR"), Name: str("Euro")}},
		ReportTemplates: []api.ReportTemplate{
			{ReportTemplateID: ptr(int64(59471)), Name: str("Standardno - Potvrda primljene narudžbe"), DisplayType: str("PN"), Default: str("D")},
			{ReportTemplateID: ptr(int64(59472)), Name: str("Standardno - Izdana narudžba"), DisplayType: str("IN"), Default: str("D")},
		},
		Customers: []api.Customer{
			{CustomerID: ptr(int64(399631)), Code: str("SAOP"), Name: str("Saop d.o.o."), Address: str("Puževa 13"), PostalCode: str("10000"), City: str("Zagreb"), Country: hr},
			{CustomerID: ptr(int64(399640)), Code: str("KOVINA"), Name: str("Kovina Split d.o.o."), Address: str("Poljička cesta 45"), PostalCode: str("21000"), City: str("Split"), Country: hr},
			{CustomerID: ptr(int64(399655)), Code: str("HOTEL-ADRIA"), Name: str("Hotel Adria d.d."), Address: str("Obala kneza Branimira 2"), PostalCode: str("23000"), City: str("Zadar"), Country: hr},
			{CustomerID: ptr(int64(399702)), Code: str("LESNINA-LJ"), Name: str("Pohištvo Novak d.o.o."), Address: str("Dunajska cesta 101"), PostalCode: str("1000"), City: str("Ljubljana"), Country: si},
		},
		Items: []api.Item{
			{ItemID: ptr(int64(384501)), Code: str("STOL-HRAST"), Name: str("Hrastov stol"), UnitOfMeasurement: str("kom")},
			{ItemID: ptr(int64(384502)), Code: str("STOL-BUKVA"), Name: str("Bukov stol"), UnitOfMeasurement: str("kom")},
			{ItemID: ptr(int64(384510)), Code: str("STOL-BLAG"), Name: str("Blagovaonski stol 180x90"), UnitOfMeasurement: str("kom")},
			{ItemID: ptr(int64(384520)), Code: str("ORMAR-2V"), Name: str("Ormar s dvoja vrata"), UnitOfMeasurement: str("kom")},
			{ItemID: ptr(int64(384530)), Code: str("POLICA-80"), Name: str("Zidna polica 80 cm"), UnitOfMeasurement: str("kom")},
			{ItemID: ptr(int64(384540)), Code: str("MONTAZA"), Name: str("Montaža namještaja"), UnitOfMeasurement: str("h")},
		},
		Orders: []api.Order{
			order(7870, 1, "P", "2026-11-02T00:00:00", "2026-12-01T00:00:00", ref(399631, "Saop d.o.o."), "Saop d.o.o.", "Puževa 13", "10000", "Zagreb", hr, "PO-2026-118",
				row(384501, "STOL-HRAST", "Hrastov stol", "kom", 12, 145, "Lakirano, prirodna boja"),
				row(384510, "STOL-BLAG", "Blagovaonski stol 180x90", "kom", 2, 620, ""),
				row(384540, "MONTAZA", "Montaža namještaja", "h", 4, 35, "Montaža na lokaciji kupca")),
			order(7871, 2, "P", "2026-11-05T00:00:00", "2026-12-15T00:00:00", ref(399655, "Hotel Adria d.d."), "Hotel Adria d.d.", "Obala kneza Branimira 2", "23000", "Zadar", hr, "HA-ZAD-31",
				row(384502, "STOL-BUKVA", "Bukov stol", "kom", 80, 98, "Za restoran"),
				row(384520, "ORMAR-2V", "Ormar s dvoja vrata", "kom", 24, 410, "Sobe 101-124"),
				row(384530, "POLICA-80", "Zidna polica 80 cm", "kom", 48, 39, "")),
			order(7872, 3, "P", "2026-11-12T00:00:00", "2027-01-20T00:00:00", ref(399702, "Pohištvo Novak d.o.o."), "Pohištvo Novak d.o.o.", "Dunajska cesta 101", "1000", "Ljubljana", si, "NAR-2026/447",
				row(384501, "STOL-HRAST", "Hrastov stol", "kom", 30, 139, "Izvedba po meri"),
				row(384530, "POLICA-80", "Zidna polica 80 cm", "kom", 10, 39, "")),
			order(7873, 4, "O", "2026-11-20T00:00:00", "2027-02-01T00:00:00", ref(399640, "Kovina Split d.o.o."), "Kovina Split d.o.o.", "Poljička cesta 45", "21000", "Split", hr, "",
				row(384510, "STOL-BLAG", "Blagovaonski stol 180x90", "kom", 1, 620, "Ponuda")),
			order(7874, 5, "R", "2026-10-28T00:00:00", "2026-11-30T00:00:00", ref(399640, "Kovina Split d.o.o."), "Kovina Split d.o.o.", "Poljička cesta 45", "21000", "Split", hr, "KS-77",
				row(384520, "ORMAR-2V", "Ormar s dvoja vrata", "kom", 3, 410, "")),
		},
	}
}

func ptr[T any](v T) *T { return &v }
