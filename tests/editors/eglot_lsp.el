;;; eglot_lsp.el --- Emacs (Debian's, with eglot) as a real LSP client for connector-lint  -*- lexical-binding: t -*-
;; usage: SERVER_CMD='["python", "-m", "connector_lint", "serve"]' OUT=result.json EXPECT_COUNT=N \
;;        FIX_RULE=rule FIX_LINE=l FIX_COL=c emacs --batch -l eglot_lsp.el FILE
;; Opens FILE, starts the server through eglot, then:
;;   1. waits for connector-lint's diagnostics in flymake and records them;
;;   2. asks for the quick fixes at FIX_LINE/FIX_COL (1-based, as the CLI prints them), applies the
;;      first one with an edit, as `M-x eglot-code-actions' would, and waits for one fewer problem
;;      with that rule and message.
;; Writes what it saw as JSON to OUT; exits 0, or non-zero at the first step that fails.
(require 'eglot)
(require 'flymake)
(require 'json)
(setq eglot-sync-connect t eglot-autoreconnect nil eglot-events-buffer-size 0)

(defvar connector-lint--timeout (string-to-number (or (getenv "TIMEOUT_S") "60")))

(defun connector-lint--wait (pred)
  (let ((end (+ (float-time) connector-lint--timeout)))
    (while (and (not (funcall pred)) (< (float-time) end))
      (accept-process-output nil 0.05)
      (when (bound-and-true-p flymake-mode) (flymake-start)))
    (funcall pred)))

(defun connector-lint--lsp (diag)
  "The LSP diagnostic behind a flymake diagnostic, when eglot made it."
  (cdr (assoc 'eglot-lsp-diag (eglot--diag-data diag))))

(defun connector-lint--ours ()
  (let (list)
    (dolist (d (flymake-diagnostics))
      (let ((lsp (connector-lint--lsp d)))
        (when (and lsp (equal (plist-get lsp :source) "connector-lint"))
          (let ((beg (flymake-diagnostic-beg d)))
            (push `((line . ,(line-number-at-pos beg))
                    (column . ,(1+ (save-excursion (goto-char beg) (- beg (line-beginning-position)))))
                    (code . ,(plist-get lsp :code)) (message . ,(plist-get lsp :message))
                    (severity . ,(plist-get lsp :severity)) (text . ,(flymake-diagnostic-text d)))
                  list)))))
    (nreverse list)))

(defun connector-lint--count (rule message)
  (cl-count-if (lambda (d) (and (equal (alist-get 'code d) rule) (equal (alist-get 'message d) message)))
               (connector-lint--ours)))

(let* ((file (expand-file-name (car command-line-args-left)))
       (out (or (getenv "OUT") "eglot.json"))
       (contact (append (json-read-from-string (getenv "SERVER_CMD")) nil))
       (expect (string-to-number (or (getenv "EXPECT_COUNT") "1")))
       (fix-rule (getenv "FIX_RULE"))
       (fix-line (string-to-number (getenv "FIX_LINE")))
       (fix-col (string-to-number (getenv "FIX_COL")))
       (code 9) (result nil) (steps nil))
  (setq command-line-args-left nil)
  (condition-case err
      (progn
        (find-file file)
        (js-mode)                         ; Emacs 28 has no json-mode; languageId "json" below
        (eglot '(js-mode) (cons 'transient (file-name-directory file)) 'eglot-lsp-server contact "json")
        ;; 1. diagnostics
        (if (not (connector-lint--wait (lambda () (>= (length (connector-lint--ours)) expect))))
            (setq code 3 result `((error . "timeout waiting for connector-lint diagnostics")))
          (push "diagnostics" steps)
          (push `(diagnostics . ,(vconcat (connector-lint--ours))) result)
          ;; 2. the quick fix at the target
          (goto-char (point-min))
          (forward-line (1- fix-line))
          (forward-char (1- fix-col))
          (let* ((target (cl-find-if (lambda (d) (and (= (flymake-diagnostic-beg d) (point))
                                                       (equal (plist-get (connector-lint--lsp d) :code) fix-rule)))
                                     (flymake-diagnostics)))
                 (message (and target (plist-get (connector-lint--lsp target) :message)))
                 (before (and target (connector-lint--count fix-rule message)))
                 (actions (and target (eglot-code-actions (flymake-diagnostic-beg target)
                                                          (flymake-diagnostic-end target) "quickfix")))
                 (action (cl-find-if (lambda (a) (plist-get a :edit)) actions)))
            (cond
             ((null target) (setq code 4 result (cons '(error . "no diagnostic of FIX_RULE at FIX_LINE:FIX_COL") result)))
             ((null action) (setq code 5 result (cons '(error . "no quick fix with an edit") result)))
             (t
              (push `(quickfix_titles . ,(vconcat (mapcar (lambda (a) (plist-get a :title)) actions))) result)
              (eglot--apply-workspace-edit (plist-get action :edit))
              (eglot--signal-textDocument/didChange)
              (if (not (connector-lint--wait (lambda () (< (connector-lint--count fix-rule message) before))))
                  (setq code 6 result (cons '(error . "the diagnostic did not go after the quick fix") result))
                (push "quickfix" steps)
                (push `(after_fix . ,(vconcat (connector-lint--ours))) result)
                (setq code 0)))))))
    (error (setq code 9 result (cons `(error . ,(format "Lisp error: %S" err)) result))))
  (push `(steps . ,(vconcat (reverse steps))) result)
  (push `(buffer . ,(buffer-substring-no-properties (point-min) (point-max))) result)
  (with-temp-file out (insert (json-encode result)))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (set-buffer-modified-p nil)
  (kill-emacs code))
