// Warn before the idle time limit signs someone out, and let them stay signed in (WCAG 2.2
// "Timing adjustable", AUTH-10). If the limit passes anyway, keep what they had typed in this
// browser tab and put it back after they sign in again. Without JavaScript the server still
// enforces the limit; only the warning is missing. What was kept is put back only for the same
// person: on a shared computer, someone else signing in never sees it (issue 14).
const body = document.body
const person = body.dataset.person || ''
const idleSeconds = Number(body.dataset.sessionIdleSeconds || 0)
const WARN_BEFORE = 120
const STORE_KEY = 'copro-unsent-form:' + location.pathname

function savedFields () {
  const saved = {}
  document.querySelectorAll('form[method="post"] :is(input, textarea, select)').forEach((field) => {
    const skip = ['password', 'hidden', 'file', 'submit', 'button'].includes(field.type)
    if (!skip && field.name && field.id) {
      saved[field.id] = (field.type === 'checkbox' || field.type === 'radio') ? field.checked : field.value
    }
  })
  return saved
}

function restoreFields () {
  const raw = sessionStorage.getItem(STORE_KEY)
  if (!raw) return
  sessionStorage.removeItem(STORE_KEY)
  const saved = JSON.parse(raw)
  if (!person || !saved || saved.person !== person) return
  let restored = 0
  for (const [id, value] of Object.entries(saved.fields || {})) {
    const field = document.getElementById(id)
    if (!field) continue
    if (typeof value === 'boolean') field.checked = value
    else field.value = value
    restored += 1
  }
  const notice = document.getElementById('restored-notice')
  if (restored && notice) notice.hidden = false
}

function startTimer () {
  const dialog = document.getElementById('session-timeout')
  if (!dialog || !idleSeconds) return
  let warnTimer
  let endTimer
  const schedule = () => {
    clearTimeout(warnTimer)
    clearTimeout(endTimer)
    warnTimer = setTimeout(() => dialog.showModal(), Math.max(idleSeconds - WARN_BEFORE, 1) * 1000)
    endTimer = setTimeout(() => {
      sessionStorage.setItem(STORE_KEY, JSON.stringify({ person, fields: savedFields() }))
      location.assign(dialog.dataset.signInUrl + '?timed_out=1&next=' + encodeURIComponent(location.pathname))
    }, Math.max(idleSeconds - 5, 2) * 1000)
  }
  dialog.querySelector('[data-stay]').addEventListener('click', async () => {
    const token = document.querySelector('meta[name="csrf-token"]').content
    const response = await fetch(dialog.dataset.stayUrl, {
      method: 'POST', headers: { 'X-CSRFToken': token }, credentials: 'same-origin'
    })
    dialog.close()
    if (response.ok) schedule()
  })
  schedule()
}

restoreFields()
startTimer()
