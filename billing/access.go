package billing

import (
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/billkit/billkit/validation"
)

// Permission names an action a user may be allowed to take. Every engine
// call needs one.
type Permission string

// Permissions checked by the engine.
const (
	PermCatalogEdit       Permission = "catalog.edit"
	PermQuoteView         Permission = "quote.view"
	PermQuoteCreate       Permission = "quote.create"
	PermQuoteSend         Permission = "quote.send"
	PermQuoteApprove      Permission = "quote.approve"
	PermContractView      Permission = "contract.view"
	PermContractEdit      Permission = "contract.edit"
	PermInvoiceView       Permission = "invoice.view"
	PermInvoiceCreate     Permission = "invoice.create"
	PermInvoiceApprove    Permission = "invoice.approve"
	PermInvoiceIssue      Permission = "invoice.issue"
	PermInvoiceBackdate   Permission = "invoice.backdate" // issuing on a day before today
	PermInvoiceSend       Permission = "invoice.send"
	PermInvoiceWriteOff   Permission = "invoice.writeoff"
	PermPaymentRecord     Permission = "payment.record"
	PermCreditNoteCreate  Permission = "creditnote.create"
	PermCreditNoteApprove Permission = "creditnote.approve"
	PermBillRun           Permission = "billrun.run"
	PermDunningRun        Permission = "dunning.run"
	PermAuditRead         Permission = "audit.read"
	PermKPIRead           Permission = "kpi.read"
)

// Permissions returns every permission the engine checks, sorted.
func Permissions() []Permission {
	return []Permission{
		PermAuditRead, PermBillRun, PermCatalogEdit, PermContractEdit, PermContractView,
		PermCreditNoteApprove, PermCreditNoteCreate, PermDunningRun, PermInvoiceApprove, PermInvoiceBackdate,
		PermInvoiceCreate, PermInvoiceIssue, PermInvoiceSend, PermInvoiceView, PermInvoiceWriteOff, PermKPIRead,
		PermPaymentRecord, PermQuoteApprove, PermQuoteCreate, PermQuoteSend, PermQuoteView,
	}
}

// Built-in roles. A host may redefine them or add its own with
// Access.SetRole.
const (
	RoleSalesRep       = "sales_rep"
	RoleSalesManager   = "sales_manager"
	RoleAccountant     = "accountant"
	RoleFinanceManager = "finance_manager"
	RoleAdmin          = "admin"
	RoleAuditor        = "auditor"
)

// Role is a named set of permissions.
type Role struct {
	Name        string       `json:"name" validate:"required,max=64,text"`
	Permissions []Permission `json:"permissions"`
	// QuoteLevel is the quote approval level (one of quote.Policy.Levels)
	// the role's holders act at: the discount they may grant alone and the
	// quote approval steps they may decide. Empty for roles that neither
	// quote nor approve quotes.
	QuoteLevel string `json:"quote_level,omitempty"`
}

// BuiltinRoles returns the roles an Access starts with:
//
//   - sales_rep: catalogue reading, quotes (create, send), contracts and
//     invoices read; quote level sales_rep.
//   - sales_manager: what a sales rep does, plus approving quotes; quote
//     level sales_manager.
//   - accountant: invoices (create, issue, send), payments, credit notes,
//     bill runs, dunning, reading quotes, contracts, the audit trail and
//     KPIs.
//   - finance_manager: what an accountant does, plus approving invoices
//     and credit notes, back-dating them, writing off, approving quotes at
//     level finance.
//   - admin: every permission.
//   - auditor: read-only: quotes, contracts, invoices, the audit trail and
//     KPIs.
func BuiltinRoles() []Role {
	read := []Permission{PermQuoteView, PermContractView, PermInvoiceView}
	sales := append(slices.Clone(read), PermQuoteCreate, PermQuoteSend)
	accounting := append(slices.Clone(read), PermInvoiceCreate, PermInvoiceIssue, PermInvoiceSend,
		PermPaymentRecord, PermCreditNoteCreate, PermBillRun, PermDunningRun, PermAuditRead, PermKPIRead, PermContractEdit)
	return []Role{
		{Name: RoleSalesRep, Permissions: sales, QuoteLevel: "sales_rep"},
		{Name: RoleSalesManager, Permissions: append(slices.Clone(sales), PermQuoteApprove, PermKPIRead), QuoteLevel: "sales_manager"},
		{Name: RoleAccountant, Permissions: accounting},
		{Name: RoleFinanceManager, Permissions: append(slices.Clone(accounting), PermInvoiceApprove, PermInvoiceBackdate,
			PermCreditNoteApprove, PermInvoiceWriteOff, PermQuoteApprove, PermCatalogEdit), QuoteLevel: "finance"},
		{Name: RoleAdmin, Permissions: Permissions(), QuoteLevel: "finance"},
		{Name: RoleAuditor, Permissions: append(slices.Clone(read), PermAuditRead, PermKPIRead)},
	}
}

// User is a person who acts through the engine, with the roles the host
// grants them.
type User struct {
	ID    string   `json:"id" validate:"required,max=200,text"`
	Name  string   `json:"name,omitempty" validate:"max=200,text"`
	Roles []string `json:"roles"`
}

// Access holds the roles and users the engine checks every call against.
// It is safe for concurrent use; changes apply to the next call.
type Access struct {
	mu    sync.RWMutex
	roles map[string]Role
	users map[string]User
}

// NewAccess returns an Access with the built-in roles and no users.
func NewAccess() *Access {
	a := &Access{roles: map[string]Role{}, users: map[string]User{}}
	for _, r := range BuiltinRoles() {
		a.roles[r.Name] = r
	}
	return a
}

// SetRole adds or replaces a role.
func (a *Access) SetRole(r Role) error {
	var errs validation.Errors
	errs.Merge(validation.Struct(r))
	known := Permissions()
	for i, p := range r.Permissions {
		if _, ok := slices.BinarySearch(known, p); !ok {
			errs.Add(fmt.Sprintf("permissions[%d]", i), validation.CodeUnknown, "unknown permission "+string(p))
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	r.Permissions = slices.Clone(r.Permissions)
	a.mu.Lock()
	a.roles[r.Name] = r
	a.mu.Unlock()
	return nil
}

// SetUser adds or replaces a user. Every role must exist.
func (a *Access) SetUser(u User) error {
	var errs validation.Errors
	errs.Merge(validation.Struct(u))
	a.mu.Lock()
	defer a.mu.Unlock()
	for i, r := range u.Roles {
		if _, ok := a.roles[r]; !ok {
			errs.Add(fmt.Sprintf("roles[%d]", i), validation.CodeUnknown, "unknown role "+r)
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	u.Roles = slices.Clone(u.Roles)
	a.users[u.ID] = u
	return nil
}

// User returns a user, or a *NotFoundError.
func (a *Access) User(id string) (User, error) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	u, ok := a.users[id]
	if !ok {
		return User{}, &NotFoundError{Kind: "user", ID: id}
	}
	u.Roles = slices.Clone(u.Roles)
	return u, nil
}

// Role returns a role, or a *NotFoundError.
func (a *Access) Role(name string) (Role, error) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	r, ok := a.roles[name]
	if !ok {
		return Role{}, &NotFoundError{Kind: "role", ID: name}
	}
	r.Permissions = slices.Clone(r.Permissions)
	return r, nil
}

// Can reports whether the user holds the permission through one of their
// roles. An unknown user can do nothing.
func (a *Access) Can(userID string, p Permission) bool {
	a.mu.RLock()
	defer a.mu.RUnlock()
	u, ok := a.users[userID]
	if !ok {
		return false
	}
	for _, name := range u.Roles {
		if slices.Contains(a.roles[name].Permissions, p) {
			return true
		}
	}
	return false
}

// HasRole reports whether the user holds the named role.
func (a *Access) HasRole(userID, role string) bool {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return slices.Contains(a.users[userID].Roles, role)
}

// Check returns a *ForbiddenError naming p unless the user holds it.
func (a *Access) Check(userID string, p Permission) error {
	if !a.Can(userID, p) {
		return &ForbiddenError{User: userID, Permission: p}
	}
	return nil
}

// quoteLevels returns the quote approval levels of the user's roles,
// sorted.
func (a *Access) quoteLevels(userID string) []string {
	a.mu.RLock()
	defer a.mu.RUnlock()
	var levels []string
	for _, name := range a.users[userID].Roles {
		if l := a.roles[name].QuoteLevel; l != "" && !slices.Contains(levels, l) {
			levels = append(levels, l)
		}
	}
	sort.Strings(levels)
	return levels
}

// displayName returns the user's name, or their ID when they have none.
func (a *Access) displayName(id string) string {
	if u, err := a.User(id); err == nil && u.Name != "" {
		return u.Name
	}
	return id
}
