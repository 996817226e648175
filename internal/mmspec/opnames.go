package mmspec

import (
	"regexp"
	"strings"
)

// operationNameExceptions names the operations the rule in [NameOperations]
// would name badly or twice. Keys are "METHOD path".
var operationNameExceptions = map[string]string{
	// The organisation-wide contact list; the customer's own list is GetContacts.
	"GET /api/orgs/{organisationId}/contacts": "GetOrganisationContacts",
	// VAT entries are a sub-collection of a journal.
	"POST /api/orgs/{organisationId}/journals/{journalId}/vat":           "AddJournalVatEntry",
	"GET /api/orgs/{organisationId}/journals/{journalId}/vat/{vatId}":    "GetJournalVatEntry",
	"PUT /api/orgs/{organisationId}/journals/{journalId}/vat/{vatId}":    "UpdateJournalVatEntry",
	"DELETE /api/orgs/{organisationId}/journals/{journalId}/vat/{vatId}": "DeleteJournalVatEntry",
	"GET /api/orgs/allOrgs":                         "GetAllOrganisations",
	"GET /api/currentuser/profile":                  "GetCurrentUserProfile",
	"GET /api/efaktura/list":                        "GetEFakturaList",
	"GET /api/payrollsettings/{payrollSettingCode}": "GetPayrollSettings",
	"POST /api/orgs/{organisationId}/issuedinvoices/{issuedInvoiceId}/attachments":     "AddIssuedInvoiceAttachment",
	"POST /api/orgs/{organisationId}/receivedinvoices/{receivedInvoiceId}/attachments": "AddReceivedInvoiceAttachment",
}

// httpVerbs maps a method to the verb the vendor's help pages use for it
// (GetOrder, AddOrder, UpdateOrder, DeleteOrder).
var httpVerbs = map[string]string{"get": "Get", "post": "Add", "put": "Update", "delete": "Delete"}

var (
	// keySegment matches the OData-style key segments: code({code}).
	keySegment = regexp.MustCompile(`^([A-Za-z]+)\(\{[A-Za-z]+\}\)$`)
	// leadingVerb splits a vendor method name such as GetByContent.
	leadingVerb = regexp.MustCompile(`^(Get|Post|Put|Delete|Add)(.*)$`)
)

// NameOperations gives every operation a unique operationId in the style of
// the vendor's help pages: GetOrders, GetOrder, AddOrder, UpdateOrder,
// DeleteOrder, GetCustomActionOrder, PutCustomActionOrder,
// GetOrdersSyncCandidates, GetCustomerByCode.
//
// The vendor's ids repeat (Order_Get names three operations). The rule:
//   - an id that is unique and says more than its verb keeps its method name
//     (Item_GetItemsSettings becomes GetItemsSettings), with the tag added
//     where the name lacks it (Account_GetByContent: GetAccountByContent);
//   - otherwise the name comes from the path's shape and the tag (the
//     entity): a collection, an item, a key lookup, an action, or sync
//     candidates;
//   - operationNameExceptions overrides both.
//
// A name given twice is an error, so a changed upstream document cannot
// silently produce colliding methods.
func NameOperations(doc map[string]any) error {
	ops := operations(doc)
	idCount := map[string]int{}
	for _, op := range ops {
		id, _ := op.Op["operationId"].(string)
		idCount[id]++
	}
	seen := map[string]string{}
	for _, op := range ops {
		key := strings.ToUpper(op.Method) + " " + op.Path
		name, ok := operationNameExceptions[key]
		if !ok {
			var err error
			name, err = operationName(op, idCount)
			if err != nil {
				return err
			}
		}
		if prev, dup := seen[name]; dup {
			return errorf("operation name %s given to both %q and %q; add an exception", name, prev, key)
		}
		seen[name] = key
		op.Op["operationId"] = name
	}
	return nil
}

func operationName(op operation, idCount map[string]int) (string, error) {
	id, _ := op.Op["operationId"].(string)
	tag := operationTag(op.Op)
	if tag == "" {
		return "", errorf("%s %s: no tag to name it by", op.Method, op.Path)
	}
	if _, method, ok := strings.Cut(id, "_"); ok && idCount[id] == 1 && leadingVerb.MatchString(method) {
		if name := fromVendorMethod(method, tag); name != "" {
			return name, nil
		}
	}
	return fromPathShape(op, tag)
}

// fromVendorMethod keeps a unique vendor method name, making sure it names
// its entity and uses the help pages' verbs. A bare verb ("Get") says too
// little and yields "".
func fromVendorMethod(method, tag string) string {
	m := leadingVerb.FindStringSubmatch(method)
	verb, rest := m[1], m[2]
	if rest == "" {
		return ""
	}
	if verb == "Post" {
		verb = "Add"
	}
	if !strings.Contains(rest, tag) && !strings.Contains(rest, plural(tag)) {
		rest = tag + rest
	}
	return verb + rest
}

func fromPathShape(op operation, tag string) (string, error) {
	segs := strings.Split(strings.Trim(op.Path, "/"), "/")
	last := segs[len(segs)-1]
	verb := httpVerbs[op.Method]
	switch {
	case len(segs) >= 2 && segs[len(segs)-2] == "actions":
		// orders/{orderId}/actions/{actionName}
		return upperFirst(op.Method) + "CustomAction" + tag, nil
	case last == "synccandidates":
		return "Get" + plural(tag) + "SyncCandidates", nil
	case keySegment.MatchString(last):
		key := keySegment.FindStringSubmatch(last)[1]
		return verb + tag + "By" + upperFirst(key), nil
	case strings.HasPrefix(last, "{"):
		return verb + itemEntity(last, tag), nil
	case op.Method == "get":
		return "Get" + plural(tag), nil
	case op.Method == "post":
		return "Add" + tag, nil
	}
	return "", errorf("%s %s: no naming rule fits; add an exception", op.Method, op.Path)
}

// itemEntity names the record a path ends in. The tag names it, unless the
// path parameter names a more specific record of the same module
// ({documentAttachmentId} under the Document tag).
func itemEntity(param, tag string) string {
	name := upperFirst(strings.TrimSuffix(strings.Trim(param, "{}"), "Id"))
	if name != tag && strings.HasPrefix(name, tag) {
		return name
	}
	return tag
}

func operationTag(op object) string {
	tags, _ := op["tags"].([]any)
	if len(tags) == 0 {
		return ""
	}
	t, _ := tags[0].(string)
	return t
}

// plural is English pluralisation good enough for the vendor's module names.
func plural(s string) string {
	switch {
	case strings.HasSuffix(s, "y") && !strings.ContainsAny(s[len(s)-2:len(s)-1], "aeiou"):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s"), strings.HasSuffix(s, "x"), strings.HasSuffix(s, "ch"), strings.HasSuffix(s, "sh"):
		return s + "es"
	}
	return s + "s"
}
