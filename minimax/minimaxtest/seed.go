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
		o := api.Order{OrderID: &id, ReceivedIssued: new("P"), Year: &year, Number: &number, Date: dt(date), DueDate: dt(due),
			Customer: cust, CustomerName: &name, CustomerAddress: &addr, CustomerPostalCode: &post, CustomerCity: &city,
			CustomerCountry: country, Currency: eur, ReportTemplate: pn, Reference: &ref, Status: &status,
			Notes: new(""), OrderRows: &rows}
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
		Countries:  []api.Country{{CountryID: new(int64(95)), Code: new("HR"), Name: new("Hrvatska")}, {CountryID: new(int64(192)), Code: new("SI"), Name: new("Slovenija")}},
		Currencies: []api.Currency{{CurrencyID: new(int64(7)), Code: new("EUR"), Name: new("Euro")}},
		ReportTemplates: []api.ReportTemplate{
			{ReportTemplateID: new(int64(59471)), Name: new("Standardno - Potvrda primljene narudžbe"), DisplayType: new("PN"), Default: new("D")},
			{ReportTemplateID: new(int64(59472)), Name: new("Standardno - Izdana narudžba"), DisplayType: new("IN"), Default: new("D")},
		},
		Customers: []api.Customer{
			{CustomerID: new(int64(399631)), Code: new("SAOP"), Name: new("Saop d.o.o."), Address: new("Puževa 13"), PostalCode: new("10000"), City: new("Zagreb"), Country: hr},
			{CustomerID: new(int64(399640)), Code: new("KOVINA"), Name: new("Kovina Split d.o.o."), Address: new("Poljička cesta 45"), PostalCode: new("21000"), City: new("Split"), Country: hr},
			{CustomerID: new(int64(399655)), Code: new("HOTEL-ADRIA"), Name: new("Hotel Adria d.d."), Address: new("Obala kneza Branimira 2"), PostalCode: new("23000"), City: new("Zadar"), Country: hr},
			{CustomerID: new(int64(399702)), Code: new("LESNINA-LJ"), Name: new("Pohištvo Novak d.o.o."), Address: new("Dunajska cesta 101"), PostalCode: new("1000"), City: new("Ljubljana"), Country: si},
		},
		Items: []api.Item{
			{ItemID: new(int64(384501)), Code: new("STOL-HRAST"), Name: new("Hrastov stol"), UnitOfMeasurement: new("kom")},
			{ItemID: new(int64(384502)), Code: new("STOL-BUKVA"), Name: new("Bukov stol"), UnitOfMeasurement: new("kom")},
			{ItemID: new(int64(384510)), Code: new("STOL-BLAG"), Name: new("Blagovaonski stol 180x90"), UnitOfMeasurement: new("kom")},
			{ItemID: new(int64(384520)), Code: new("ORMAR-2V"), Name: new("Ormar s dvoja vrata"), UnitOfMeasurement: new("kom")},
			{ItemID: new(int64(384530)), Code: new("POLICA-80"), Name: new("Zidna polica 80 cm"), UnitOfMeasurement: new("kom")},
			{ItemID: new(int64(384540)), Code: new("MONTAZA"), Name: new("Montaža namještaja"), UnitOfMeasurement: new("h")},
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
