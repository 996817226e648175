// Package skyplannertest is an in-memory, stateful fake of the SkyPlanner
// production-planning API for tests and examples. It serves every operation
// of the project's OpenAPI document of SkyPlanner (skyplanner/api):
// customers, orders (/phaser-orders), order rows (/phaser-order-rows),
// products with their default process steps (/products, /products/jobs) and
// stock (/saldos), jobs (/phaser-jobs), workstages, workstations, the export
// to production scheduling (/phaser-orders/export) and the scheduled jobs it
// makes (/jobs).
//
// One line starts it for a test, on a loopback port, stopped when the test
// ends:
//
//	srv := skyplannertest.NewServer(t, skyplannertest.WithDemoData())
//	c, err := skyplanner.New(srv.ClientOptions()...)
//
// Outside a test (examples, local runs) use Start and Close, or Handler to
// serve it on an address of your choosing.
//
// # Validation
//
// Every request is checked against the OpenAPI document: an invalid one is
// answered 400 with a message naming the problem (and fails the test with
// WithStrict). Every answer the fake gives in a test is checked too, and
// one that breaks the document fails the test. On top of the document the
// fake holds requests to the rules the vendor states: an order needs an
// existing customer (production_planning_customer_id), a row an existing
// order, a job an existing row and workstage, referenced products,
// workstages and workstations must exist, and an order number must not
// contain "/". Such a request is answered 400 with a message that names the
// field. The Authorization-Token header must carry Token (401 otherwise).
//
// # Behaviour
//
//   - Records are answered in the resource-keyed envelope the document
//     models ({"phaser-order": {...}}, {"phaser-orders": [...]}), or bare
//     with WithBareResponses. Creates answer 200 with the new record,
//     deletes 204.
//   - DELETE archives orders, rows and jobs (is_archive becomes true); they
//     leave lists and gets (404) unless include_archived=true, and cannot
//     be updated or get new rows or jobs. Customers and product steps are
//     deleted for good. Archiving does not cascade. An unknown id in the
//     path is 404; a second step with an order_number in use is 409.
//   - New orders, rows and jobs get status "new" unless they say otherwise.
//   - PUT merges: the members of the body replace the record's, members
//     left out stay as they were, null clears. Read-only fields (id,
//     is_archive, modified, production_planning_*) are the fake's.
//   - Fields the document does not model are kept and returned; the
//     write-only get_default_steps and use_custom_materials are not.
//   - Creating a product creates its one stock record (/saldos). A row
//     created with get_default_steps gets one job per default step of its
//     product, in order_number order, with the step's workstage,
//     workstations, durations and time_variation, named after the
//     workstage.
//   - Lists are in id order and honour the document's filters: external_id,
//     status, phaser_order_id, phaser_order_row_id, worknumber, number,
//     external_order_number, type, production_planning_product_id,
//     modified with modifiedCondition and delivery_date with
//     delivery_date_condition (default >=), and limit. contain is accepted
//     and ignored.
//   - Dates are written with an offset in the fake's zone (WithLocation,
//     default Europe/Zagreb), e.g. 2026-11-24T08:00:00+01:00; dates sent
//     without one are read as wall-clock times there. Every change stamps
//     modified from the fake's clock (WithClock).
//
// # Export and scheduling
//
// POST /phaser-orders/export takes existing, non-archived orders. It copies
// the non-archived jobs of their non-archived rows into production
// scheduling (/jobs), sets the jobs' production_planning_job_id and every
// live row's production_planning_order_row_id (jobs or not), and answers
// {"phaser_order_ids": [...], "jobs": [scheduled job ids]} (the real answer
// is undocumented). A scheduled job carries, beyond the document's fields,
// phaser_job_id, phaser_order_row_id, phaser_order_id, name and status (its
// job's).
// The plan is deterministic: starting at the clock's time of the export,
// each order's rows in row_index order, each row's jobs one after another
// in order_number order, each job one part on its first workstation (else
// its workstage's first), after whatever is already planned on that
// workstation. A part lasts settingtime + duration seconds (one hour when
// that is zero; durations are not scaled by quantity), and settletime must
// pass before the row's next job starts. No job starts before the
// start_eligibility_date of its order, row or itself. Exporting an order
// again plans it anew, keeping its scheduled jobs' ids, and drops the
// scheduled jobs of jobs archived since.
//
// # Shop floor
//
// Test code acts as the shop floor would, on a phaser job (an id of
// /phaser-jobs) that is live and exported: StartJob, PauseJob, ResumeJob
// and CompleteJob move its status "new" → "started" ⇄ "paused" →
// "completed"; completing a new job starts and finishes it. Any other move
// is a *TransitionError naming the job and the statuses, and so is
// completing a completed job: one completion, one JOB_COMPLETED.
// CompleteRow and CompleteOrder complete every live job of a row or an
// order that is not completed yet (repeating them changes nothing). A job
// not found or archived is ErrNotFound, one not exported ErrNotExported.
// Each move stamps the job's modified and writes the new status on its
// scheduled job (a "status" field beside phaser_job_id, phaser_order_row_id
// and phaser_order_id, which a re-export keeps). The row's status then
// follows its live jobs: "completed" when all are, "started" when any has
// begun, else as it was; a change stamps the row. These statuses and the
// derivation are the fake's assumptions: the vendor documents the events,
// not the statuses behind them. API writes of a job's status do not move
// the row.
//
// # Webhooks
//
// With WithWebhook, or SetWebhook for a receiver started after the fake,
// the fake POSTs each event to the receiver, as the vendor's page describes
// a delivery: the body {"event": "JOB_COMPLETED", "data": {...},
// "timestamp": <Unix seconds of the fake's clock>} and the headers
// Content-Type: application/json, User-Agent: Skyplanner-Webhook/1.0,
// X-Webhook-Source: Skyplanner, X-Webhook-Timestamp (the same seconds) and,
// when a secret is set, X-Webhook-Signature made by webhook.Sign with the
// chosen scheme (the vendor does not say which; see package webhook).
// The events:
//
//   - JOB_STARTED, JOB_PAUSED, JOB_RESUMED, JOB_COMPLETED from the shop-floor
//     controls; data is the scheduled job as GET /jobs/{id}?job_parts=true
//     answers it.
//   - PHASER_ORDER_ROW_UPDATED when the shop floor changes a row's status;
//     data is the row.
//   - PHASER_ORDER_CREATED/UPDATED/ARCHIVED, PHASER_ORDER_ROW_CREATED/
//     UPDATED/DELETED and PHASER_JOB_CREATED/UPDATED/DELETED when the API's
//     writes (POST, PUT, DELETE) create, change or archive those records,
//     the jobs get_default_steps makes included; data is the record as the
//     API answers it, without the envelope. The export, seeds and Load send
//     none.
//
// The vendor does not show the data of any event; its shape here is the
// fake's assumption, as is the rest of what follows. Events are queued when
// the change is made and sent one at a time, in order, after the fake's
// lock is released, so a receiver may call back into the fake. An API
// write's events are sent before its answer leaves; a shop-floor control's
// before it returns. When a delivery is already under way (the receiver
// called back, or another request is delivering), new events are left to
// it and follow the one in hand. The fake waits DeliveryTimeout (the
// vendor's 30 s) for an answer and never retries: the vendor does not say
// whether or when it does. Deliveries records every attempt (the event,
// body, headers, status or transport error), and Redeliver repeats one
// byte for byte, same timestamp and signature, as a test of duplicate
// deliveries needs.
//
// # Tests
//
// Faults can be injected (FailNth, FailMatching with Fault{Status,
// RetryAfter, Drop, Delay, AfterHandler, Do}, SetLatency, SetRateLimit,
// ClearFaults), and Requests, Count ("POST /phaser-order-rows") and Counts
// tell a test what reached the fake. A Fault with AfterHandler lets the
// request act before its answer is lost or replaced: the failure that makes
// an integration create a record twice.
//
// Two options make the fake answer lists as a real SkyPlanner might, so that
// code which looks records up can be tested against it: WithIgnoredFilters
// (a filter the project only infers is ignored, and every record comes back)
// and WithDefaultLimit (a list that asks for no limit is cut short,
// silently). State accessors (Order, Orders, OrderRows, Jobs,
// ScheduledJobs, ...) return copies of what the fake holds, archived
// records included.
//
// The fake is safe for concurrent use.
package skyplannertest
