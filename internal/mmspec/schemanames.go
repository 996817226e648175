package mmspec

import (
	"maps"
	"slices"
	"strings"
)

const definitionsRef = "#/definitions/"

// ShortenSchemaNames renames the .NET type names the vendor uses for schemas
// (SAOP.API.Models.Order.Order, SAOP.API.Common.mMApiFkField,
// SAOP.API.Models.SearchResult[SAOP.API.Models.Order.OrderSearch]) to short
// Go-friendly ones (Order, FkField, SearchResultOrderSearch), and rewrites
// every $ref.
//
// A name is the last dotted part without the vendor's "mMApi" prefix; a
// generic name joins its parts. Where two schemas would get the same name,
// each one whose name does not already start with its module gets the module
// as a prefix (IssuedInvoice.PaymentMethodSearch becomes
// IssuedInvoicePaymentMethodSearch; PaymentMethod.PaymentMethodSearch stays).
// A collision that survives that is an error.
func ShortenSchemaNames(doc map[string]any) error {
	defs, _ := doc["definitions"].(object)
	names := shortNames(slices.Sorted(maps.Keys(defs)))
	taken := map[string]string{}
	for _, long := range slices.Sorted(maps.Keys(defs)) {
		short := names[long]
		if prev, dup := taken[short]; dup {
			return errorf("schemas %q and %q both shorten to %s", prev, long, short)
		}
		taken[short] = long
	}
	renamed := make(object, len(defs))
	for long, s := range defs {
		renamed[names[long]] = s
	}
	doc["definitions"] = renamed
	var unknown []string
	eachRef(doc, func(ref string) string {
		long, ok := strings.CutPrefix(ref, definitionsRef)
		if !ok {
			return ref
		}
		short, ok := names[long]
		if !ok {
			unknown = append(unknown, ref)
			return ref
		}
		return definitionsRef + short
	})
	if len(unknown) > 0 {
		return errorf("$ref to undefined schemas: %s", strings.Join(unknown, ", "))
	}
	return nil
}

// shortNames maps each long name to its short name.
func shortNames(long []string) map[string]string {
	// Plain names first: generic names are built from them.
	plain := map[string]string{}
	byShort := map[string][]string{}
	for _, l := range long {
		if strings.Contains(l, "[") {
			continue
		}
		s := lastPart(l)
		plain[l] = s
		byShort[s] = append(byShort[s], l)
	}
	for s, group := range byShort {
		if len(group) < 2 {
			continue
		}
		for _, l := range group {
			if module := modulePart(l); !strings.HasPrefix(s, module) {
				plain[l] = module + s
			}
		}
	}
	out := map[string]string{}
	for _, l := range long {
		out[l] = composeName(l, plain)
	}
	return out
}

// composeName names Outer[Inner] as Outer+Inner, recursively.
func composeName(long string, plain map[string]string) string {
	open := strings.Index(long, "[")
	if open < 0 || !strings.HasSuffix(long, "]") {
		if s, ok := plain[long]; ok {
			return s
		}
		return lastPart(long)
	}
	outer, inner := long[:open], long[open+1:len(long)-1]
	return composeName(outer, plain) + composeName(inner, plain)
}

func lastPart(long string) string {
	s := long[strings.LastIndex(long, ".")+1:]
	return strings.TrimPrefix(s, "mMApi")
}

// modulePart is the namespace a schema lives in: "IssuedInvoice" for
// SAOP.API.Models.IssuedInvoice.PaymentMethodSearch.
func modulePart(long string) string {
	parts := strings.Split(long, ".")
	if len(parts) < 2 {
		return ""
	}
	return parts[len(parts)-2]
}
