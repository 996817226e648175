package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/planbridge/planbridge/mapping"
	mmapi "github.com/planbridge/planbridge/minimax/api"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
)

// Record IDs. Rows come lowest: the fake numbers new records above the
// highest ID it was seeded with, but it never looks at row IDs, so rows
// that Change adds later would collide with seeded rows numbered above the
// rest.
const (
	rowIDBase      = 300000
	customerIDBase = 400000
	itemIDBase     = 410000
	orderIDBase    = 500000
)

// The code lists, with the IDs minimaxtest.DemoData uses.
const (
	countryHR, countrySI = 95, 192
	currencyEUR          = 7
	templateReceived     = 59471
	templateIssued       = 59472
)

type itemKind int

const (
	routed itemKind = iota
	defaultSteps
	service
)

type item struct {
	id               int64
	code, name, unit string
	kind             itemKind
}

type customer struct {
	id                                int64
	name, address, postal, city, code string
	country                           int64
}

// generator draws the whole corpus from one PCG stream, in a fixed order.
type generator struct {
	r       *rand.Rand
	items   []item
	routing map[string][]mapping.Step
	nextRow int64
}

func (g *generator) minimax() minimaxtest.Seed {
	g.items = g.makeItems()
	custs := g.makeCustomers()
	s := minimaxtest.Seed{
		Countries: []mmapi.Country{
			{CountryID: new(int64(countryHR)), Code: new("HR"), Name: new("Hrvatska")},
			{CountryID: new(int64(countrySI)), Code: new("SI"), Name: new("Slovenija")},
		},
		Currencies: []mmapi.Currency{{CurrencyID: new(int64(currencyEUR)), Code: new("EUR"), Name: new("Euro")}},
		ReportTemplates: []mmapi.ReportTemplate{
			{ReportTemplateID: new(int64(templateReceived)), Name: new("Standardno - Potvrda primljene narudžbe"), DisplayType: new("PN"), Default: new("D")},
			{ReportTemplateID: new(int64(templateIssued)), Name: new("Standardno - Izdana narudžba"), DisplayType: new("IN"), Default: new("D")},
		},
	}
	for _, c := range custs {
		s.Customers = append(s.Customers, mmapi.Customer{CustomerID: new(c.id), Code: new(c.code), Name: new(c.name),
			Address: new(c.address), PostalCode: new(c.postal), City: new(c.city), Country: countryRef(c.country)})
	}
	for _, it := range g.items {
		s.Items = append(s.Items, mmapi.Item{ItemID: new(it.id), Code: new(it.code), Name: new(it.name), UnitOfMeasurement: new(it.unit)})
	}
	s.Orders = g.makeOrders(custs)
	return s
}

// makeItems makes every combination of a piece of furniture, a wood and a
// size, shuffled and split into routed and default-step items, then the
// services.
func (g *generator) makeItems() []item {
	pieces := []struct{ code, name string }{
		{"STOL", "Stol"}, {"STOLICA", "Stolica"}, {"ORMAR", "Ormar"}, {"POLICA", "Polica"}, {"KOMODA", "Komoda"},
		{"KREVET", "Krevet"}, {"VITRINA", "Vitrina"}, {"KLUPA", "Klupa"}, {"REGAL", "Regal"}, {"ORMARIC", "Noćni ormarić"},
	}
	woods := []struct{ code, name string }{
		{"HRAST", "hrast"}, {"BUKVA", "bukva"}, {"JASEN", "jasen"}, {"ORAH", "orah"}, {"TRESNJA", "trešnja"}, {"BOR", "bor"},
	}
	sizes := []string{"60", "90", "120"}
	var goods []item
	for _, p := range pieces {
		for _, w := range woods {
			for _, s := range sizes {
				goods = append(goods, item{code: p.code + "-" + w.code + "-" + s, name: p.name + ", " + w.name + ", " + s + " cm", unit: "kom"})
			}
		}
	}
	g.r.Shuffle(len(goods), func(i, j int) { goods[i], goods[j] = goods[j], goods[i] })
	for i := range goods {
		goods[i].kind = defaultSteps
		if i < RoutedItems {
			goods[i].kind = routed
		}
	}
	services := []struct{ code, name, unit string }{
		{"MONTAZA", "Montaža namještaja", "h"}, {"DOSTAVA", "Dostava", "kom"}, {"PROJEKT", "Izrada projekta", "h"},
		{"SERVIS", "Servis namještaja", "h"}, {"IZMJERA", "Izmjera prostora", "h"},
	}
	zones := []struct{ code, name string }{{"ZG", "Zagreb"}, {"ST", "Split"}, {"RI", "Rijeka"}, {"LJ", "Ljubljana"}}
	all := goods
	for _, s := range services {
		for _, z := range zones {
			all = append(all, item{code: s.code + "-" + z.code, name: s.name + " (" + z.name + ")", unit: s.unit, kind: service})
		}
	}
	for i := range all {
		all[i].id = itemIDBase + int64(i) + 1
	}
	g.routing = g.makeRouting(all)
	return all
}

func (g *generator) makeCustomers() []customer {
	first := []string{"Drvo", "Interijer", "Dom", "Hotel", "Ured", "Stan", "Vila", "Namjestaj", "Dizajn", "Gradnja"}
	second := []string{"Jadran", "Sava", "Drava", "Kvarner", "Panonija", "Zagorje", "Lika", "Istra", "Dalmacija", "Posavina", "Slavonija", "Medimurje"}
	forms := []string{"d.o.o.", "d.o.o.", "d.o.o.", "d.d.", "j.d.o.o.", "obrt"}
	cities := []struct {
		name, postal string
		country      int64
	}{
		{"Zagreb", "10000", countryHR}, {"Split", "21000", countryHR}, {"Rijeka", "51000", countryHR},
		{"Osijek", "31000", countryHR}, {"Zadar", "23000", countryHR}, {"Varaždin", "42000", countryHR},
		{"Pula", "52100", countryHR}, {"Ljubljana", "1000", countrySI}, {"Maribor", "2000", countrySI}, {"Celje", "3000", countrySI},
	}
	streets := []string{"Ilica", "Vukovarska", "Savska cesta", "Obala kneza Branimira", "Dunajska cesta", "Slovenska cesta", "Radnička cesta", "Ulica grada Vukovara"}
	names := g.r.Perm(len(first) * len(second))[:Customers]
	out := make([]customer, Customers)
	for i, n := range names {
		a, b := first[n/len(second)], second[n%len(second)]
		city := cities[g.r.IntN(len(cities))]
		out[i] = customer{
			id:      customerIDBase + int64(i) + 1,
			code:    strings.ToUpper(a + "-" + b),
			name:    a + " " + b + " " + forms[g.r.IntN(len(forms))],
			address: fmt.Sprintf("%s %d", streets[g.r.IntN(len(streets))], 1+g.r.IntN(150)),
			postal:  city.postal, city: city.name, country: city.country,
		}
	}
	return out
}

// makeOrders makes the received orders with their statuses, and the issued
// ones, in a shuffled sequence of IDs; one confirmed order has MaxRows rows
// and one MinRows, so the corpus spans the whole range.
func (g *generator) makeOrders(custs []customer) []mmapi.Order {
	type spec struct{ dir, status string }
	var specs []spec
	add := func(n int, dir, status string) {
		for range n {
			specs = append(specs, spec{dir, status})
		}
	}
	add(ReceivedOrders-Drafts-Invalidated-Completed, "P", "P")
	add(Drafts, "P", "O")
	add(Invalidated, "P", "R")
	add(Completed, "P", "Z")
	add(IssuedOrders, "I", "P")
	g.r.Shuffle(len(specs), func(i, j int) { specs[i], specs[j] = specs[j], specs[i] })

	var confirmed []int
	for i, s := range specs {
		if s.dir == "P" && s.status == "P" {
			confirmed = append(confirmed, i)
		}
	}
	pick := g.r.Perm(len(confirmed))
	longest, shortest := confirmed[pick[0]], confirmed[pick[1]]

	base := time.Date(2026, time.October, 1, 0, 0, 0, 0, time.UTC)
	out := make([]mmapi.Order, len(specs))
	for i, s := range specs {
		n := g.rowCount()
		switch i {
		case longest:
			n = MaxRows
		case shortest:
			n = MinRows
		}
		c := custs[g.r.IntN(len(custs))]
		date := base.AddDate(0, 0, g.r.IntN(61))
		due := date.AddDate(0, 0, 14+g.r.IntN(77))
		tmpl := ref(templateReceived, "Standardno - Potvrda primljene narudžbe")
		if s.dir == "I" {
			tmpl = ref(templateIssued, "Standardno - Izdana narudžba")
		}
		rows := g.makeRows(n)
		out[i] = mmapi.Order{
			OrderID: new(orderIDBase + int64(i) + 1), ReceivedIssued: new(s.dir), Status: new(s.status),
			Year: new(int32(2026)), Number: new(int32(i + 1)), Date: wallClock(date), DueDate: wallClock(due),
			Customer: ref(c.id, c.name), CustomerName: new(c.name), CustomerAddress: new(c.address),
			CustomerPostalCode: new(c.postal), CustomerCity: new(c.city), CustomerCountry: countryRef(c.country),
			Currency: ref(currencyEUR, "EUR"), ReportTemplate: tmpl,
			Reference: new(fmt.Sprintf("NAR-2026/%03d", 100+g.r.IntN(900))), Notes: new(""), OrderRows: &rows,
		}
	}
	return out
}

// rowCount draws from MinRows..MaxRows, geometrically: each further row is
// seven tenths as likely as the one before, so most orders are short (the
// mean is near 3.3 rows) and a few are large, as in a furniture workshop's
// order book, where a hotel's fit-out stands among many orders of a table
// and chairs.
func (g *generator) rowCount() int {
	return min(MinRows+int(math.Log(1-g.r.Float64())/math.Log(0.7)), MaxRows)
}

// makeRows draws n rows of distinct items, one in ten a service.
func (g *generator) makeRows(n int) []mmapi.OrderRow {
	rows := make([]mmapi.OrderRow, 0, n)
	used := map[int64]bool{}
	for len(rows) < n {
		it := g.drawItem()
		if used[it.id] {
			continue
		}
		used[it.id] = true
		rows = append(rows, g.row(it))
	}
	return rows
}

func (g *generator) drawItem() item {
	if g.r.IntN(10) == 0 {
		return g.items[len(g.items)-ServiceItems+g.r.IntN(ServiceItems)]
	}
	return g.items[g.r.IntN(len(g.items)-ServiceItems)]
}

// row is a new order row of it, with the next row ID.
func (g *generator) row(it item) mmapi.OrderRow {
	g.nextRow++
	qty := float64(1 + g.r.IntN(40))
	if it.kind == service {
		qty = float64(1 + g.r.IntN(16))
	}
	var desc string
	if g.r.IntN(3) == 0 {
		desc = []string{"Lakirano, prirodna boja", "Izvedba po mjeri", "Bez okova", "Za restoran", "Sobe 101-124"}[g.r.IntN(5)]
	}
	return mmapi.OrderRow{OrderRowID: new(rowIDBase + g.nextRow), Item: ref(it.id, it.name), ItemCode: new(it.code),
		ItemName: new(it.name), UnitOfMeasurement: new(it.unit), Quantity: &qty, Price: new(float64(20 + g.r.IntN(880))),
		Description: new(desc)}
}

func ref(id int64, name string) *mmapi.FkField { return &mmapi.FkField{ID: &id, Name: &name} }

func countryRef(id int64) *mmapi.FkField {
	if id == countrySI {
		return ref(countrySI, "SI")
	}
	return ref(countryHR, "HR")
}

// wallClock is t's clock reading as Minimax writes it, without a zone. The
// layout is one ParseDateTime reads, so the error cannot happen.
func wallClock(t time.Time) mmapi.DateTime {
	d, _ := mmapi.ParseDateTime(t.Format("2006-01-02T15:04:05"))
	return d
}
