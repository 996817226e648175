package mapping_test

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/planbridge/planbridge/mapping"
	mmapi "github.com/planbridge/planbridge/minimax/api"
)

func ExampleMapper_MapOrder() {
	// A confirmed order, as Minimax's GetOrder returns it (shortened).
	const order = `{
	  "OrderId": 7870, "ReceivedIssued": "P", "Status": "P", "Year": 2020, "Number": 1,
	  "DueDate": "2020-02-01T00:00:00", "Reference": "PO 4711",
	  "Customer": {"ID": 399631, "Name": "Saop d.o.o."},
	  "OrderRows": [{
	    "OrderRowId": 53530, "Item": {"ID": 384501, "Name": "Moj artikl"}, "ItemCode": "MA-1",
	    "Quantity": 5, "UnitOfMeasurement": "kom"
	  }]
	}`
	var o mmapi.Order
	if err := json.Unmarshal([]byte(order), &o); err != nil {
		log.Fatal(err)
	}

	// Item MA-1 is cut, then welded; everything else gets SkyPlanner's
	// default steps.
	opts := mapping.DefaultOptions()
	opts.Routing = map[string][]mapping.Step{"MA-1": {
		{WorkstageExternalID: "ws-cut", WorkstageName: "Rezanje", DurationSeconds: 60, PerPiece: true, Workstations: []int64{61}},
		{WorkstageName: "Zavarivanje", DurationSeconds: 1800, SettingTimeSeconds: 300},
	}}
	m, err := mapping.NewMapper(opts)
	if err != nil {
		log.Fatal(err)
	}

	plan, err := m.MapOrder(3840, o)
	if err != nil {
		log.Fatal(err)
	}
	out, _ := json.MarshalIndent(plan, "", "  ")
	fmt.Println(string(out))
	// Output:
	// {
	//   "action": "upsert",
	//   "reason": "confirmed order (status P)",
	//   "customer": {
	//     "external_id": "minimax:3840:customer:399631",
	//     "name": "Saop d.o.o."
	//   },
	//   "order": {
	//     "delivery_date": "2020-02-01T00:00:00+01:00",
	//     "description": "PO 4711",
	//     "external_id": "minimax:3840:order:7870",
	//     "external_order_number": "2020-1",
	//     "number": "2020-1"
	//   },
	//   "rows": [
	//     {
	//       "product": {
	//         "code": "MA-1",
	//         "external_id": "minimax:3840:item:384501",
	//         "is_active": true,
	//         "name": "Moj artikl",
	//         "type": "product",
	//         "unit": "kom"
	//       },
	//       "row": {
	//         "amount": 5,
	//         "delivery_date": "2020-02-01T00:00:00+01:00",
	//         "external_id": "minimax:3840:row:53530",
	//         "get_default_steps": false,
	//         "is_prospect": false,
	//         "ordered_amount": 5,
	//         "row_index": 1,
	//         "use_custom_materials": false
	//       },
	//       "jobs": [
	//         {
	//           "job": {
	//             "duration": 300,
	//             "external_id": "minimax:3840:row:53530:job:1",
	//             "name": "Rezanje",
	//             "order_number": 1,
	//             "settingtime": 0,
	//             "settletime": 0,
	//             "workstations": "61"
	//           },
	//           "workstage_external_id": "ws-cut"
	//         },
	//         {
	//           "job": {
	//             "duration": 1800,
	//             "external_id": "minimax:3840:row:53530:job:2",
	//             "name": "Zavarivanje",
	//             "order_number": 2,
	//             "settingtime": 300,
	//             "settletime": 0
	//           },
	//           "workstage_external_id": "zavarivanje"
	//         }
	//       ]
	//     }
	//   ],
	//   "workstages": [
	//     {
	//       "external_id": "ws-cut",
	//       "name": "Rezanje"
	//     },
	//     {
	//       "external_id": "zavarivanje",
	//       "name": "Zavarivanje"
	//     }
	//   ]
	// }
}
