package planbridge

// Kind is a kind of SkyPlanner record the sync writes.
type Kind string

// The kinds, named as in the vendor's integration guide.
const (
	KindCustomer  Kind = "customer"
	KindOrder     Kind = "order"
	KindProduct   Kind = "product"
	KindRow       Kind = "row"
	KindWorkstage Kind = "workstage"
	KindJob       Kind = "job"
)

// Kinds lists the kinds in the order the vendor's guide creates them:
// customer, order, product, order row, workstage, job.
func Kinds() []Kind {
	return []Kind{KindCustomer, KindOrder, KindProduct, KindRow, KindWorkstage, KindJob}
}
