package collab_test

import (
	"context"
	"testing"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMemoryDirectoryLookup(t *testing.T) {
	d := newDirectory(t)
	require.NoError(t, d.AddUser("u-am2", "amartin", "Alice Martin")) // same display name as alice
	ctx := context.Background()
	tests := []struct {
		name   string
		wantID string // empty when not found
	}{
		{"alice", alice},
		{"ALICE", alice},
		{"Bob Stone", bob},
		{"bob stone", bob},
		{"finance-team", financeTeam},
		{"Finance Team", financeTeam},
		{"Alice Martin", ""}, // ambiguous display name
		{"nobody", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := d.Lookup(ctx, tt.name)
			if tt.wantID == "" {
				assert.ErrorIs(t, err, collab.ErrNotFound)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantID, p.ID)
		})
	}
}

func TestMemoryDirectoryRules(t *testing.T) {
	d := newDirectory(t)
	ctx := context.Background()
	tests := []struct {
		name        string
		err         error
		field, code string
	}{
		{"duplicate ID", d.AddUser(alice, "alice2", "A"), "id", validation.CodeDuplicate},
		{"duplicate handle ignoring case", d.AddUser("u-x", "Alice", "A"), "handle", validation.CodeDuplicate},
		{"handle with space", d.AddUser("u-x", "al ice", "A"), "handle", validation.CodeInvalid},
		{"handle ending with a dot", d.AddUser("u-x", "alice.", "A"), "handle", validation.CodeInvalid},
		{"no name", d.AddUser("u-x", "x", " "), "name", validation.CodeRequired},
		{"quote in name", d.AddUser("u-x", "x", `The "Boss"`), "name", validation.CodeInvalid},
		{"unknown member", d.AddGroup("g-x", "gx", "GX", false, "u-ghost"), "members[0]", validation.CodeUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ve *validation.Error
			require.ErrorAs(t, tt.err, &ve)
			assert.True(t, ve.Has(tt.field, tt.code), "%v", ve)
		})
	}

	require.NoError(t, d.AddMembers(financeTeam, alice, claire))
	members, err := d.Members(ctx, financeTeam)
	require.NoError(t, err)
	assert.Equal(t, []string{alice, claire, dana}, members)
	require.NoError(t, d.RemoveMembers(financeTeam, claire, "u-not-a-member"))
	members, _ = d.Members(ctx, financeTeam)
	assert.Equal(t, []string{alice, dana}, members)

	assert.ErrorIs(t, d.AddMembers(alice, bob), collab.ErrNotFound, "a user is not a group")
	assert.ErrorIs(t, d.RemoveMembers("g-none", bob), collab.ErrNotFound)
	_, err = d.Members(ctx, "g-none")
	assert.ErrorIs(t, err, collab.ErrNotFound)
	p, err := d.Principal(ctx, board)
	require.NoError(t, err)
	assert.True(t, p.Private)
	_, err = d.Principal(ctx, "nobody")
	assert.ErrorIs(t, err, collab.ErrNotFound)
}
