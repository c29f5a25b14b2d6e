package collab

import (
	"context"

	"github.com/billkit/billkit/date"
	"github.com/billkit/billkit/notify"
	"github.com/billkit/billkit/validation"
)

// CreateTask creates a task about ref and announces it in the object's
// thread; the assignee follows the object and is notified with
// notify.KindTaskAssigned. Other packages (dunning, approvals) call it
// with a system actor that the AccessPolicy lets see the object.
func (s *Service) CreateTask(ctx context.Context, actor string, ref Ref, in TaskInput) (Task, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	errs.MergeAt("object", ref.Validate())
	checkTitle(&errs, "title", in.Title, true)
	checkID(&errs, "assignee", in.Assignee)
	if err := errs.Err(); err != nil {
		return Task{}, err
	}
	if err := s.checkAssignee(ctx, ref, in.Assignee); err != nil {
		return Task{}, err
	}
	var task Task
	_, err := s.publish(ctx, postSpec{
		actor: actor, ref: ref, kind: MessageTask, body: in.Title,
		extra: map[string]notify.Kind{in.Assignee: notify.KindTaskAssigned},
		insert: func(ctx context.Context, m *Message) error {
			task = Task{
				ID: s.newID(), Object: m.Object, MessageID: m.ID, Title: in.Title, Assignee: in.Assignee,
				Due: in.Due, Status: TaskOpen, CreatedBy: actor, CreatedAt: m.CreatedAt, UpdatedAt: m.CreatedAt,
				Version: 1,
			}
			m.TaskID = task.ID
			return s.store.InsertTask(ctx, task, *m)
		},
	})
	if err != nil {
		return Task{}, err
	}
	if ok, err := s.canView(ctx, in.Assignee, task.Object, nil); err == nil && ok {
		_, err = s.store.Follow(ctx, in.Assignee, task.Object)
		s.report(ctx, err)
	}
	return task, nil
}

// checkAssignee returns a validation error unless user is a known user who
// may see ref.
func (s *Service) checkAssignee(ctx context.Context, ref Ref, user string) error {
	ok, err := s.isUser(ctx, user)
	if err != nil {
		return err
	}
	if !ok {
		return validation.New("assignee", validation.CodeUnknown, "is not a known user")
	}
	if ok, err = s.canView(ctx, user, ref, nil); err != nil {
		return err
	}
	if !ok {
		return validation.New("assignee", validation.CodeForbidden, "may not see this object")
	}
	return nil
}

// Task returns task id.
func (s *Service) Task(ctx context.Context, actor, id string) (Task, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	checkID(&errs, "task_id", id)
	if err := errs.Err(); err != nil {
		return Task{}, err
	}
	t, err := s.store.Task(ctx, id)
	if err != nil {
		return Task{}, err
	}
	if err := s.authorize(ctx, actor, t.Object, nil); err != nil {
		return Task{}, err
	}
	return t, nil
}

// Tasks returns the tasks selected by q that actor may see. q must name
// an object, an assignee, or both.
func (s *Service) Tasks(ctx context.Context, actor string, q TaskQuery) ([]Task, error) {
	var errs validation.Errors
	checkActor(&errs, actor)
	if q.Object.IsZero() && q.Assignee == "" {
		errs.Add("object", validation.CodeRequired, "is required unless assignee is given")
	}
	if !q.Object.IsZero() {
		errs.MergeAt("object", q.Object.Validate())
	}
	for _, st := range q.Statuses {
		if !st.Valid() {
			errs.Add("statuses", validation.CodeNotAllowed, "must be open, in_progress, done or cancelled")
			break
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if !q.Object.IsZero() {
		if err := s.authorize(ctx, actor, q.Object, nil); err != nil {
			return nil, err
		}
	}
	tasks, err := s.store.ListTasks(ctx, q)
	if err != nil {
		return nil, err
	}
	out := tasks[:0]
	seen := map[Ref]bool{}
	for _, t := range tasks {
		ok, known := seen[t.Object]
		if !known {
			if ok, err = s.canView(ctx, actor, t.Object, nil); err != nil {
				return nil, err
			}
			seen[t.Object] = ok
		}
		if ok {
			out = append(out, t)
		}
	}
	return out, nil
}

// SetTaskStatus moves task id to status, if its life cycle allows it (see
// TaskStatus.CanTransition). version is the task's Version as the caller
// last saw it. The creator, the assignee and moderators of the object may;
// the others among the creator and assignee are notified.
func (s *Service) SetTaskStatus(ctx context.Context, actor, id string, version int64, status TaskStatus) (Task, error) {
	if !status.Valid() {
		return Task{}, validation.New("status", validation.CodeNotAllowed, "must be open, in_progress, done or cancelled")
	}
	return s.updateTask(ctx, actor, id, version, func(t *Task) error {
		if !t.Status.CanTransition(status) {
			return &TransitionError{TaskID: t.ID, From: t.Status, To: status}
		}
		t.Status = status
		return nil
	})
}

// ReassignTask gives task id to assignee, who must be able to see its
// object and is notified with notify.KindTaskAssigned. A done or cancelled
// task cannot be reassigned.
func (s *Service) ReassignTask(ctx context.Context, actor, id string, version int64, assignee string) (Task, error) {
	var errs validation.Errors
	checkID(&errs, "assignee", assignee)
	if err := errs.Err(); err != nil {
		return Task{}, err
	}
	return s.updateTask(ctx, actor, id, version, func(t *Task) error {
		if t.Status.Finished() {
			return &TransitionError{TaskID: t.ID, From: t.Status, To: t.Status}
		}
		if err := s.checkAssignee(ctx, t.Object, assignee); err != nil {
			return err
		}
		t.Assignee = assignee
		return nil
	})
}

// RescheduleTask changes the due date of task id; the zero date removes
// it.
func (s *Service) RescheduleTask(ctx context.Context, actor, id string, version int64, due date.Date) (Task, error) {
	return s.updateTask(ctx, actor, id, version, func(t *Task) error {
		t.Due = due
		return nil
	})
}

// updateTask loads task id, checks that actor may change it and that
// version is current, applies change, stores the result and notifies the
// creator and assignee (a new assignee with KindTaskAssigned).
func (s *Service) updateTask(ctx context.Context, actor, id string, version int64, change func(*Task) error) (Task, error) {
	var errs validation.Errors
	if version < 1 {
		errs.Add("version", validation.CodeRequired, "must be the version of the task being changed")
	}
	if err := errs.Err(); err != nil {
		return Task{}, err
	}
	t, err := s.Task(ctx, actor, id)
	if err != nil {
		return Task{}, err
	}
	if actor != t.CreatedBy && actor != t.Assignee {
		ok, err := s.canModerate(ctx, actor, t.Object)
		if err != nil {
			return Task{}, err
		}
		if !ok {
			return Task{}, &AccessError{User: actor, Object: t.Object, Action: ActionUpdateTask}
		}
	}
	if t.Version != version {
		return Task{}, &ConflictError{Entity: "task", ID: id, Expected: version, Actual: t.Version}
	}
	before := t
	if err := change(&t); err != nil {
		return Task{}, err
	}
	t.UpdatedAt = s.clock()
	updated, err := s.store.UpdateTask(ctx, t)
	if err != nil {
		return Task{}, err
	}
	s.notifyTask(ctx, actor, before, updated)
	return updated, nil
}

func (s *Service) notifyTask(ctx context.Context, actor string, before, after Task) {
	thread, err := s.store.ThreadByObject(ctx, after.Object)
	if err != nil {
		s.report(ctx, err)
		return
	}
	rs := recipients{}
	// A task created by a system actor (the dunning run) has nobody to
	// tell on that side.
	if isUser, err := s.isUser(ctx, after.CreatedBy); err == nil && isUser {
		rs.add(after.CreatedBy, notify.KindTaskUpdated)
	}
	rs.add(before.Assignee, notify.KindTaskUpdated)
	if after.Assignee != before.Assignee {
		rs.add(after.Assignee, notify.KindTaskAssigned)
		s.autoFollow(ctx, thread, after.Object, []string{after.Assignee})
	}
	body := after.Title + " (" + string(after.Status)
	if !after.Due.IsZero() {
		body += ", due " + after.Due.String()
	}
	body += ")"
	s.notifyAll(ctx, thread, Message{
		ID: after.MessageID, ThreadID: thread.ID, Object: after.Object, Kind: MessageTask,
		Author: actor, Body: body, TaskID: after.ID,
	}, rs)
}
