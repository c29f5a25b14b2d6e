package main

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/billkit/billkit/collab"
	"github.com/billkit/billkit/date"
)

// threadView is an object's conversation as its page shows it: the posts
// with their replies, polls and tasks, then the activity feed that merges
// the messages with the object's audit history, newest first.
type threadView struct {
	Posts    []postView
	Feed     []collab.Activity
	People   []person // who a task can be given to
	Today    date.Date
	CanWrite bool
}

// postView is a post of the thread with what hangs from it.
type postView struct {
	*collab.Message
	Replies []*collab.Message
	Poll    *collab.PollResults
	Task    *collab.Task
}

// thread reads the activity of ref as r's user sees it. A thread nobody
// has written in yet is empty, not an error.
func (a *app) thread(r *request, ref collab.Ref) (threadView, error) {
	ctx, svc := r.Context(), a.svc.collab
	v := threadView{People: people, Today: today, CanWrite: true}
	var items []collab.Activity
	page := collab.PageRequest{Limit: collab.MaxPageSize}
	for {
		p, err := svc.Activity(ctx, r.user.ID, ref, page)
		if errors.Is(err, collab.ErrForbidden) {
			// The object is readable (its page got this far) but its
			// conversation is not: show the page without it.
			v.CanWrite = false
			return v, nil
		}
		if err != nil {
			return v, err
		}
		items = append(items, p.Items...)
		if p.Next == "" {
			break
		}
		page.Cursor = p.Next
	}
	index := map[string]int{}
	for _, it := range items {
		m := it.Message
		if it.Type != collab.ActivityMessage || m == nil {
			continue
		}
		if m.ParentID != "" {
			if i, ok := index[m.ParentID]; ok {
				v.Posts[i].Replies = append(v.Posts[i].Replies, m)
			}
			continue
		}
		pv := postView{Message: m}
		switch m.Kind {
		case collab.MessagePoll:
			res, err := svc.PollResults(ctx, r.user.ID, m.ID)
			if err != nil {
				return v, err
			}
			pv.Poll = &res
		case collab.MessageTask:
			t, err := svc.Task(ctx, r.user.ID, m.TaskID)
			if err != nil {
				return v, err
			}
			pv.Task = &t
		}
		index[m.ID] = len(v.Posts)
		v.Posts = append(v.Posts, pv)
	}
	v.Feed = items
	slices.Reverse(v.Feed)
	return v, nil
}

// back is the page of the object a thread action was about.
func back(ref collab.Ref) string { return objectPath(string(ref.Kind), ref.ID) }

// post posts a message, which may @mention people and groups, in the
// thread of the object named by the URL.
func (a *app) post(r *request) (string, error) {
	ref, err := ref(r.PathValue("kind"), r.PathValue("id"))
	if err != nil {
		return "", err
	}
	if _, err := a.svc.collab.Post(r.Context(), r.user.ID, ref, r.PostForm.Get("body")); err != nil {
		return "", err
	}
	return back(ref) + "#thread", nil
}

// reply answers a message.
func (a *app) reply(r *request) (string, error) {
	m, err := a.svc.collab.Reply(r.Context(), r.user.ID, r.PathValue("id"), r.PostForm.Get("body"))
	if err != nil {
		return "", err
	}
	return back(m.Object) + "#m-" + m.ParentID, nil
}

// createPoll asks a question with one choice per non-empty line.
func (a *app) createPoll(r *request) (string, error) {
	ref, err := ref(r.PathValue("kind"), r.PathValue("id"))
	if err != nil {
		return "", err
	}
	var choices []string
	for line := range strings.Lines(r.PostForm.Get("choices")) {
		if c := strings.TrimSpace(line); c != "" {
			choices = append(choices, c)
		}
	}
	if _, err := a.svc.collab.CreatePoll(r.Context(), r.user.ID, ref, r.PostForm.Get("question"), choices); err != nil {
		return "", err
	}
	return back(ref) + "#thread", nil
}

// vote casts or changes the user's vote in a poll.
func (a *app) vote(r *request) (string, error) {
	res, err := a.svc.collab.Vote(r.Context(), r.user.ID, r.PathValue("id"), r.PostForm.Get("choice"))
	if err != nil {
		return "", err
	}
	return back(res.Object) + "#m-" + res.PollID, nil
}

// createTask gives someone a task about the object, with an optional due
// day.
func (a *app) createTask(r *request) (string, error) {
	ref, err := ref(r.PathValue("kind"), r.PathValue("id"))
	if err != nil {
		return "", err
	}
	in := collab.TaskInput{Title: r.PostForm.Get("title"), Assignee: r.PostForm.Get("assignee")}
	if s := r.PostForm.Get("due"); s != "" {
		if in.Due, err = date.Parse(s); err != nil {
			return "", badRequest("The due date should read like 2026-06-30.")
		}
	}
	if _, err := a.svc.collab.CreateTask(r.Context(), r.user.ID, ref, in); err != nil {
		return "", err
	}
	return back(ref) + "#thread", nil
}

// taskStatus moves a task on its life cycle (start, done, cancel). The
// form carries the version the user saw, so that two people changing the
// same task never overwrite each other silently.
func (a *app) taskStatus(r *request) (string, error) {
	version, err := strconv.ParseInt(r.PostForm.Get("version"), 10, 64)
	if err != nil {
		return "", badRequest("The form lacks the task's version.")
	}
	t, err := a.svc.collab.SetTaskStatus(r.Context(), r.user.ID, r.PathValue("id"), version,
		collab.TaskStatus(r.PostForm.Get("status")))
	if err != nil {
		return "", err
	}
	return back(t.Object) + "#m-" + t.MessageID, nil
}
