package billing

// Operation names an engine call that takes an idempotency key. The
// record of a key keeps it, so that the key cannot be used again for
// another call.
type Operation string

// The calls that take an idempotency key: every call that creates or
// records something in one transaction.
const (
	OpCreateQuote      Operation = "create_quote"
	OpSubmitQuote      Operation = "submit_quote"
	OpSendQuote        Operation = "send_quote"
	OpAcceptQuote      Operation = "accept_quote"
	OpDeclineQuote     Operation = "decline_quote"
	OpReviseQuote      Operation = "revise_quote"
	OpReachMilestone   Operation = "reach_milestone"
	OpCreateInvoice    Operation = "create_invoice"
	OpSubmitInvoice    Operation = "submit_invoice"
	OpIssueInvoice     Operation = "issue_invoice"
	OpSendInvoice      Operation = "send_invoice"
	OpRecordPayment    Operation = "record_payment"
	OpCreateCreditNote Operation = "create_credit_note"
	OpIssueCreditNote  Operation = "issue_credit_note"
	OpWriteOff         Operation = "write_off"
	OpRecordReminders  Operation = "record_reminders"
	OpApprove          Operation = "approve"
	OpReject           Operation = "reject"
)
