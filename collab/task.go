package collab

import (
	"slices"
	"time"

	"github.com/billkit/billkit/date"
)

// TaskStatus is where a task is in its life cycle.
type TaskStatus string

// Task statuses.
const (
	TaskOpen       TaskStatus = "open"
	TaskInProgress TaskStatus = "in_progress"
	TaskDone       TaskStatus = "done"
	TaskCancelled  TaskStatus = "cancelled"
)

// taskTransitions lists, for each status, the statuses a task may move to.
// Done and cancelled tasks can only be reopened.
var taskTransitions = map[TaskStatus][]TaskStatus{
	TaskOpen:       {TaskInProgress, TaskDone, TaskCancelled},
	TaskInProgress: {TaskOpen, TaskDone, TaskCancelled},
	TaskDone:       {TaskOpen},
	TaskCancelled:  {TaskOpen},
}

// Valid reports whether s is one of the task statuses.
func (s TaskStatus) Valid() bool {
	_, ok := taskTransitions[s]
	return ok
}

// CanTransition reports whether a task may go from s to to:
//
//	open        -> in_progress, done, cancelled
//	in_progress -> open, done, cancelled
//	done        -> open
//	cancelled   -> open
func (s TaskStatus) CanTransition(to TaskStatus) bool {
	return slices.Contains(taskTransitions[s], to)
}

// Finished reports whether s is done or cancelled.
func (s TaskStatus) Finished() bool { return s == TaskDone || s == TaskCancelled }

// Task is something a person must do about an object: call the customer
// about an overdue invoice, check a negotiated discount, approve a credit
// note. Creating one announces it in the object's thread.
type Task struct {
	// ID identifies the task.
	ID string `json:"id"`
	// Object is the object the task is about.
	Object Ref `json:"object"`
	// MessageID is the message that announced the task in the thread.
	MessageID string `json:"message_id"`
	// Title says what to do.
	Title string `json:"title"`
	// Assignee is the user ID of the person who must do it.
	Assignee string `json:"assignee"`
	// Due is the day it is due, zero if it has no due date.
	Due date.Date `json:"due"`
	// Status is where the task is in its life cycle.
	Status TaskStatus `json:"status"`
	// CreatedBy is the user (or system actor, such as the dunning run)
	// that created it.
	CreatedBy string `json:"created_by"`
	// CreatedAt is when it was created, in UTC.
	CreatedAt time.Time `json:"created_at"`
	// UpdatedAt is when it last changed.
	UpdatedAt time.Time `json:"updated_at"`
	// Version increases with every change; an update based on an older
	// version is refused with ErrConflict.
	Version int64 `json:"version"`
}

// Overdue reports whether the task is unfinished and its due date is
// before today.
func (t Task) Overdue(today date.Date) bool {
	return !t.Status.Finished() && !t.Due.IsZero() && t.Due.Before(today)
}

// TaskInput describes a task to create.
type TaskInput struct {
	// Title says what to do: one line, required.
	Title string `json:"title"`
	// Assignee is the user ID of the person who must do it; required, and
	// they must be able to see the object.
	Assignee string `json:"assignee"`
	// Due is the day it is due; optional.
	Due date.Date `json:"due"`
}
