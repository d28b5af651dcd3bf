// Words for the refusals the organiser's desk and the scorekeeper's console can meet, by the
// server's error code: [中文, English]. Only desk/errors.js and scorer/errors.js import this
// (the fan pages never show these refusals and keep their first-view bytes small). Every code
// the server throws must have words here or an `err_` key in i18n.js:
// src/common/errors/error-codes-worded.spec.ts fails otherwise.

/** @type {Record<string, [string, string]>} */
export const ERROR_TEXTS = {
  // accounts and sign-in
  ACCOUNT_DISABLED: ['这个账号已停用，请联系管理员', 'This account is disabled: ask an administrator'],
  ACCOUNT_FORBIDDEN: ['你不能管理这个账号', 'You may not manage this account'],
  ACCOUNT_NOT_FOUND: ['找不到这个账号', 'This account does not exist'],
  ACCOUNT_ROLE_FORBIDDEN: [
    '你不能创建这种账号：组织者只能创建记录员账号',
    'You may not create this kind of account: organisers create scorekeeper accounts only',
  ],
  ACCOUNT_SELF_DISABLE: ['不能停用自己的账号', 'You cannot disable your own account'],
  ACCOUNT_USERNAME_TAKEN: ['这个用户名已有人使用，请换一个', 'This username is taken: choose another'],
  CURRENT_PASSWORD_WRONG: ['当前密码不对', 'The current password is wrong'],
  PASSWORD_UNCHANGED: ['新密码不能和当前密码相同', 'Choose a password different from the current one'],
  PASSWORD_SESSION_REQUIRED: [
    '用比赛码登录的设备没有密码可改，请用账号密码登录',
    'A device signed in with a game code has no password to change: log in with your account',
  ],
  REFRESH_TOKEN_INVALID: ['登录已失效，请重新登录', 'Your session has ended: log in again'],
  REFRESH_TOKEN_REUSED: ['为安全起见，登录已被关闭，请重新登录', 'For safety your session was closed: log in again'],
  ROLE_FORBIDDEN: ['你的账号没有做这件事的权限', 'Your account may not do this'],
  ROUTE_NOT_OPEN: ['这个功能暂未开放', 'This function is not open yet'],
  SETUP_ALREADY_DONE: [
    '已经有管理员了：请登录，或请管理员为你开账号',
    'An administrator exists already: log in, or ask an administrator for an account',
  ],
  SETUP_LINK_INVALID: [
    '这个设置链接已失效：请使用服务器最近一次显示的链接',
    'This setup link is no longer valid: use the link the server showed last',
  ],
  SETUP_REFUSED: [
    '管理员账号没有建立，请检查填写的内容',
    'The administrator account was not created: check what you entered',
  ],
  ORGANISER_ACCOUNT_REQUIRED: [
    '只有启用中的组织者账号才能共同组织赛事',
    'Only an enabled organiser account can co-organise a tournament',
  ],
  ORGANISER_ALREADY: ['这个账号已经是本赛事的组织者', 'This account already organises this tournament'],
  ORGANISER_NOT_FOUND: ['这个账号不是本赛事的组织者', 'That account does not organise this tournament'],
  SCOREKEEPER_ACCOUNT_REQUIRED: ['只能指派启用中的记录员账号', 'Only an enabled scorekeeper account can be assigned'],

  // scorekeeper assignments and game codes
  ASSIGNMENT_ALREADY_REMOVED: ['这个指派已经撤销了', 'This assignment was already removed'],
  ASSIGNMENT_EXISTS: ['这位记录员已经有这个指派', 'This scorekeeper already has this assignment'],
  ASSIGNMENT_NOT_FOUND: ['找不到这个指派', 'This assignment does not exist'],
  ASSIGNMENT_TARGET_INVALID: [
    '指派要选一场比赛或一个场地（只选一个）',
    'An assignment needs exactly one target: a game or a court',
  ],
  GAME_CODE_ALREADY_REVOKED: ['这个比赛码已经作废了', 'This game code was already revoked'],
  GAME_CODE_COLLISION: ['生成比赛码时撞号了，请再试一次', 'The new game code clashed with another: try again'],
  GAME_CODE_NOT_FOUND: ['找不到这个比赛码', 'This game code does not exist'],
  SCORE_FORBIDDEN: ['你不是这场比赛的记录员', 'You are not the scorekeeper of this game'],

  // awards
  AWARDS_ALL_TOURNAMENT_TEAM_SIZE: ['最佳阵容须选 5 名不同的球员', 'The all-tournament team is 5 different players'],
  AWARDS_DUPLICATE_DECISION: ['同一个奖项评了不止一次', 'The same award is decided more than once'],
  AWARDS_DUPLICATE_RECIPIENT: ['同一个获奖者列了两次', 'A recipient is listed twice'],
  AWARDS_DUPLICATE_TEAM: ['同一支球队列了两次', 'A team is listed twice'],
  AWARDS_DUPLICATE_TEAM_PLACE: ['一支球队只能有一个最终名次', 'A team can have only one final place'],
  AWARDS_GAMES_PLAYED_REQUIRED: [
    '按场均排序需要填写每队已赛场数',
    'Ordering per game needs the games played by each team',
  ],
  AWARDS_INVALID_CITATION: ['颁奖词须为文字', 'The citation must be text'],
  AWARDS_INVALID_MVP_SETTING: [
    '球队成绩的权重须为不小于 0 的数',
    'The team-success weight must be a number of 0 or more',
  ],
  AWARDS_INVALID_PLACE: ['名次须为正整数', 'A place must be a whole number of 1 or more'],
  AWARDS_NOT_DECIDED: ['这个奖项还没有评定', 'This award has not been decided'],
  AWARDS_RECIPIENT_COUNT: ['这个奖项的获奖人数不对', 'This award has the wrong number of recipients'],
  AWARDS_RECIPIENT_KIND_MISMATCH: [
    '获奖者类型不对（球员、球队或单位）',
    'Wrong kind of recipient for this award (player, team or unit)',
  ],
  AWARDS_UNKNOWN_AWARD: ['没有这个可由组织者评定的奖项', 'Organisers cannot decide an award of this name'],
  AWARDS_UNKNOWN_FOUL_KIND: [
    '只有技术犯规、违反体育道德犯规和取消资格犯规计入体育道德奖',
    'Only technical, unsportsmanlike and disqualifying fouls count for sportsmanship',
  ],
  AWARDS_UNKNOWN_RECIPIENT: ['获奖者不在本赛事中', 'The recipient is not in this tournament'],
  AWARDS_UNKNOWN_TEAM: ['这支球队不在评选范围内', 'This team is not among the teams assessed'],

  // competition format, draw and schedule
  COMPETITION_ADVANCE_INVALID: [
    '每组出线队数须为不小于 0 的整数',
    'Teams advancing per group must be a whole number of 0 or more',
  ],
  COMPETITION_BEST_PLACED_INVALID: [
    '择优出线的设置不成立：这个名次的球队已全部出线，或没有这么多小组',
    'The best-placed setting does not work: teams of that place advance already, or there are not that many groups',
  ],
  COMPETITION_BUSY: [
    '赛制正被另一个操作修改，请再试一次',
    'The competition was being changed at the same moment: try again',
  ],
  COMPETITION_CHANGED_CONCURRENTLY: [
    '另一位组织者刚刚修改了赛制：请刷新后再试',
    'Another organiser changed the competition at the same moment: reload and try again',
  ],
  COMPETITION_COURTS_INVALID: [
    '场地设置有误，请检查各场地和时间段',
    'The courts cannot be used as given: check each court and its times',
  ],
  COMPETITION_DEPENDENT_GAME_STARTED: [
    '取决于这个结果的比赛已经开始，改动会换掉它的对阵：须由组织者强制更正',
    'A game that depends on this result has started and its teams would change: an organiser must force the correction',
  ],
  COMPETITION_DRAW_GROUP_SIZE_MISMATCH: [
    '分组的球队数与该组设定不符',
    'A group gets a different number of teams than it holds',
  ],
  COMPETITION_DRAW_SEED_INVALID: [
    '抽签种子数须为 0 到 4294967295 的整数',
    'A draw seed must be a whole number from 0 to 4294967295',
  ],
  COMPETITION_DRAW_SIZES_MISMATCH: [
    '各组容量加起来与报名球队数不符',
    'The groups hold a different number of teams than are entered',
  ],
  COMPETITION_DRAW_TEAM_DUPLICATED: ['同一支球队被分进了两个位置', 'A team is drawn into more than one place'],
  COMPETITION_DRAW_TEAM_MISSING: ['有球队没有分进任何一组', 'A team is not in any group'],
  COMPETITION_DRAW_UNIT_CLASH: ['同一单位的两支球队分在了同一组', 'Two teams of the same unit are in the same group'],
  COMPETITION_DRAW_UNKNOWN_GROUP: ['分组不存在或重复列出', 'A group does not exist or is listed twice'],
  COMPETITION_DRAW_UNKNOWN_TEAM: ['有球队没有报名本赛事', 'A team is not entered in this competition'],
  COMPETITION_DUPLICATE_GAME_ID: [
    '两场比赛编号重复：请给其中一个淘汰赛阶段设编号前缀',
    'Two games would share a number: give one knockout stage a game number prefix',
  ],
  COMPETITION_GAMES_EXIST: [
    '比赛已生成，赛制和分组不能再改',
    'The games are generated: the format and draw can no longer change',
  ],
  COMPETITION_GAME_ID_TOO_LONG: [
    '比赛编号超过 20 个字符：请用更短的阶段和组名编号',
    'A game number is over 20 characters: use shorter stage and group ids',
  ],
  COMPETITION_GAME_STARTED: [
    '这场比赛已开始或已结束，不能再调整时间',
    'This game has started or ended: it can no longer be moved',
  ],
  COMPETITION_GROUP_ID_INVALID: ['两个小组编号相同', 'Two groups share an id'],
  COMPETITION_GROUP_TOO_SMALL: ['每组至少要有 2 支球队', 'A group needs at least 2 teams'],
  COMPETITION_LOTS_INVALID: ['抽签顺序里同一支球队列了两次', 'A team is listed twice in the drawing of lots'],
  COMPETITION_LOTS_NOT_NEEDED: ['这些球队之间不需要抽签', 'No drawing of lots is waiting between these teams'],
  COMPETITION_NOTHING_TO_DRAW: [
    '各组都已有球队，无需抽签',
    'Every group has its teams already: there is nothing to draw',
  ],
  COMPETITION_NOT_DRAWN: ['还没有分组抽签', 'The groups are not drawn yet'],
  COMPETITION_NOT_FINISHED: ['比赛还没有全部结束', 'The competition is not finished yet'],
  COMPETITION_NOT_FOUND: [
    '本赛事还没有设置赛制，请先设置赛制',
    'This tournament has no format yet: set the format first',
  ],
  COMPETITION_NO_COURTS: ['请先设置场地和可用时间', 'Set the courts and their times first'],
  COMPETITION_NO_GROUPS: ['抽签至少需要一个小组', 'A draw needs at least one group'],
  COMPETITION_NO_SCHEDULE: ['还没有赛程，请先生成赛程', 'There is no schedule yet: generate it first'],
  COMPETITION_ONE_DRAW: [
    '只有一个小组赛阶段可以抽签，后面的阶段按成绩出线',
    'Only one group stage is drawn; later stages take teams from results',
  ],
  COMPETITION_PARTLY_DRAWN: [
    '请为该阶段的所有小组都指定球队，或都不指定（抽签决定）',
    'Give teams for every group of the stage, or for none (the draw fills them)',
  ],
  COMPETITION_RANKING_INVALID: [
    '排名须把每支报名球队列一次且只列一次',
    'The ranking must list every entered team exactly once',
  ],
  COMPETITION_SCHEDULE_BROKEN: [
    '按这些场地，赛程会违反安排规则：请重新生成赛程或先调整比赛',
    'With these courts the schedule would break its rules: generate it again or move games first',
  ],
  COMPETITION_SCHEDULE_OPTIONS_INVALID: [
    '赛程选项里有不存在的比赛、场地、阶段或日期',
    'The schedule options name games, courts, stages or days that do not exist',
  ],
  COMPETITION_SCHEDULE_STARTED: [
    '已有比赛开始，不能重新生成赛程：请手动调整比赛',
    'Games have started: move games by hand instead of generating the schedule again',
  ],
  COMPETITION_SETUP_ONE_OF: [
    '请只选一种方式设置赛制：预设、模板或自定义阶段',
    'Choose exactly one way to set the format: preset, template or stages',
  ],
  COMPETITION_TEAM_NOT_ENTERED: ['这支球队没有报名本赛事', 'This team is not entered in this competition'],
  COMPETITION_TEMPLATE_INVALID: [
    '赛制模板填写有误（还没有球队时请填写球队数）',
    'The format template is not valid (give the number of teams while none are entered)',
  ],
  COMPETITION_UNIT_SEPARATION_IMPOSSIBLE: [
    '无法让同一单位的球队都分在不同组',
    'The teams of one unit cannot all be kept in different groups',
  ],
  COMPETITION_UNKNOWN_COURT: ['没有这个场地', 'No such court'],
  COMPETITION_UNKNOWN_GAME: ['本赛制中没有这场比赛', 'This game is not part of the competition'],
  COMPETITION_UNKNOWN_GROUP: ['本赛制中没有这个小组', 'This group is not part of the competition'],
  COMPETITION_UNKNOWN_STAGE: ['本赛制中没有这个小组赛阶段', 'This group stage is not part of the competition'],
  SCHEDULE_GAME_NOT_FOUND: ['赛程中没有这场比赛', 'This game is not in the schedule'],
  SCHEDULE_INFEASIBLE: [
    '现有场地和时间排不下所有比赛：请增加场地、时间或天数',
    'The games do not fit the courts and times: add courts, hours or days',
  ],
  SCHEDULE_INVALID_ACTUAL: ['实际开赛时间里有不在赛程中的比赛', 'An actual start names a game not in the schedule'],
  SCHEDULE_INVALID_INPUT: [
    '赛程设置有误，请检查标出的项目',
    'The schedule settings are not valid: check the marked items',
  ],
  SCHEDULE_INVALID_TIME: [
    '日期时间格式不对，应为“年-月-日 时:分”',
    'The date and time are not valid (YYYY-MM-DD HH:mm)',
  ],
  SCHEDULE_MOVE_REFUSED: [
    '这样调整会违反赛程规则（休息时间、场地或顺序）',
    'This move breaks a scheduling rule (rest, court or order)',
  ],

  // data, documents, exports
  DATABASE_UNAVAILABLE: ['数据库暂时无法连接，请稍后再试', 'The database does not answer: try again later'],
  EXPORT_FORMAT_INVALID: ['导出格式只能是 CSV 或 Excel', 'The export format must be CSV or Excel'],
  EXPORT_NOT_FOUND: ['没有这个导出表', 'There is no such export'],
  PDF_RENDERER_BUSY: [
    '正在打印其他文件，请几秒后再试',
    'Other documents are being printed: try again in a few seconds',
  ],
  PDF_RENDERER_UNAVAILABLE: [
    '服务器暂时无法生成 PDF：请用打印页面直接打印',
    'The server cannot make PDFs now: print from the print page instead',
  ],
  PDF_RENDER_TIMEOUT: ['生成 PDF 超时，请稍后再试', 'Making the PDF took too long: try again later'],
  TOO_MANY_PDF_RENDERS: ['一分钟内生成的 PDF 太多，请稍后再试', 'Too many PDFs in a minute: try again shortly'],
  WEBHOOK_LIMIT: [
    '本赛事的推送地址已达上限，请先删除一个',
    'This tournament has the most webhooks allowed: remove one first',
  ],
  WEBHOOK_NOT_FOUND: ['找不到这个推送地址', 'This webhook does not exist'],
  WEBHOOK_URL_INVALID: ['推送地址不是有效的网址', 'The webhook address is not a valid web address'],
  WEBHOOK_URL_PRIVATE: [
    '推送地址是内网或本机地址，服务器不会调用',
    'The webhook address is private or local: the server does not call it',
  ],

  // games
  GAME_ALREADY_STARTED: ['比赛已开始，对阵球队不能再改', 'The game has started: its teams can no longer change'],
  GAME_COMPETITION_KEY_TAKEN: ['本赛事已有同编号的比赛', 'Another game of this tournament has this number'],
  GAME_CORRECTION_CONFLICTS: [
    '这个更正会让后面的记录不成立，请先更正后面的记录',
    'This correction would make a later record invalid: correct the later one first',
  ],
  GAME_FOUL_KIND_NOT_ALLOWED: [
    '教练和替补席犯规只能是技术犯规或取消资格犯规',
    'Coach and bench fouls are technical or disqualifying only',
  ],
  GAME_HISTORY_REQUIRED: [
    '更正需要完整的比赛记录，请刷新后再试',
    'A correction needs the full game record: reload and try again',
  ],
  GAME_INVALID_SETTINGS: ['比赛设置须为正整数', 'Game settings must be whole numbers of 1 or more'],
  GAME_NOT_IN_TOURNAMENT: ['这场比赛不属于本赛事', 'This game is not part of this tournament'],
  GAME_ORGANISER_ONLY: [
    '只有本赛事的组织者可以这样改变比赛状态',
    'Only the tournament’s organisers may change the game this way',
  ],
  GAME_PAPER_RESULT_AFTER_PLAYS: [
    '这场比赛已有现场记录，不能再录入纸质成绩',
    'This game has live records: no paper result can be entered',
  ],
  GAME_PAPER_RESULT_NOT_ALLOWED: ['这场比赛现在不能录入纸质成绩', 'A paper result cannot be entered for this game now'],
  GAME_RESULT_TIED: ['比分相同：比赛须分出胜负', 'The score is tied: the game needs a winner'],
  GAME_SAME_TEAMS: ['主队和客队不能是同一支球队', 'A team cannot play itself'],
  GAME_SEQ_OUT_OF_ORDER: ['比赛记录顺序不对，请刷新后再试', 'The game records are out of order: reload and try again'],
  GAME_TEAMS_UNKNOWN: [
    '对阵双方还未确定（要等前面的比赛结果）',
    'The teams are not known yet (waiting for earlier results)',
  ],
  GAME_TEAM_NOT_IN_TOURNAMENT: ['这支球队没有报名本赛事', 'This team is not entered in this tournament'],

  // registration: units, teams, players
  IMPORT_EMPTY: ['名单是空的：请选择一个有内容的 CSV 文件', 'The roster is empty: choose a CSV file with players'],
  IMPORT_INVALID: ['名单的表头不对，请用名单模板', 'The roster’s header row is not right: use the roster template'],
  PLAYER_ALREADY_REGISTERED: [
    '这名球员已在本赛事的其他名单上',
    'This player is already on a roster of this tournament',
  ],
  PLAYER_JERSEY_TAKEN: ['本队已有球员穿这个号码', 'Another player of this team wears this number'],
  PLAYER_NATIONAL_ID_INVALID: [
    '身份证号不正确：应为 18 位，前 17 位是数字，最后一位是数字或 X',
    'The ID number is not valid: 18 characters, 17 digits then a digit or X',
  ],
  PLAYER_NOT_FOUND: ['找不到这名球员', 'Player not found'],
  ROSTER_FULL: ['名单人数已满', 'The roster is full'],
  ROSTER_LOCKED: [
    '名单已锁定：修改须由组织者填写理由',
    'The roster is locked: an organiser must give a reason to change it',
  ],
  TEAM_HAS_GAMES: [
    '这支球队已排了比赛，请先删除这些比赛再退出',
    'The team has games: remove them before withdrawing it',
  ],
  TEAM_LOGO_EMPTY: ['请选择队徽图片', 'Choose a logo image'],
  TEAM_LOGO_NOT_FOUND: ['这支球队还没有队徽', 'This team has no logo'],
  TEAM_LOGO_TOO_LARGE: ['队徽图片太大，请换一张小一些的', 'The logo image is too large: choose a smaller one'],
  TEAM_LOGO_TYPE_MISMATCH: [
    '队徽文件类型不对，请用 PNG、JPEG 或 WebP 图片',
    'The logo file is not the image it claims: use a PNG, JPEG or WebP image',
  ],
  TEAM_NAME_TAKEN: ['本赛事已有同名球队', 'A team of that name is already entered'],
  TEAM_NOT_FOUND: ['找不到这支球队', 'Team not found'],
  UNIT_FORBIDDEN: ['只有组织者和管理员可以登记单位', 'Only organisers and administrators register units'],
  UNIT_NAME_TAKEN: ['已有同名单位：请在列表中选择它', 'A unit with this name exists: pick it from the list'],
  UNIT_NOT_FOUND: ['找不到这个单位', 'Unit not found'],
  UNIT_PARENT_CYCLE: ['单位不能隶属于自己或自己的下级单位', 'A unit cannot belong to itself or one of its own members'],

  // tournaments
  TOURNAMENT_ALREADY_STARTED: [
    '赛事已过报名阶段，不能再报名球队',
    'Teams can only be entered while the tournament is in registration',
  ],
  TOURNAMENT_CREATE_FORBIDDEN: ['只有组织者可以创建赛事', 'Only organisers create tournaments'],
  TOURNAMENT_DATES_INVALID: ['结束日期不能早于开始日期', 'The tournament cannot end before it starts'],
  TOURNAMENT_FORBIDDEN: ['只有本赛事的组织者可以这样做', 'Only the tournament’s organisers may do this'],
  TOURNAMENT_NOT_FOUND: ['找不到这个赛事', 'Tournament not found'],
  TOURNAMENT_NOT_READY: ['还有球队名单不完整，赛事不能开始', 'Rosters are not complete: the tournament cannot start'],
  TOURNAMENT_OWNER_ONLY: [
    '只有赛事创建者可以邀请或移除共同组织者',
    'Only the tournament’s owner may invite or remove co-organisers',
  ],
  TOURNAMENT_OWNER_REMOVAL: ['不能移除赛事创建者', 'The owner cannot be removed from the tournament'],
  TOURNAMENT_RULES_INVALID: [
    '规则设置互相矛盾，请检查标出的项目',
    'The rules settings do not fit together: check the marked items',
  ],
  STANDINGS_INVALID_GROUP: ['这个小组的成绩无法排名，请检查比赛结果', 'The group cannot be ranked: check its results'],
  STATS_INVALID_LEADER_OPTION: [
    '数据榜设置须为足够大的整数',
    'The leaderboard setting must be a large enough whole number',
  ],
  STATS_INVALID_SETTING: ['统计设置须为足够大的整数', 'The statistics setting must be a large enough whole number'],
  STATS_UNKNOWN_CATEGORY: ['没有这个数据榜项目', 'No such leaderboard category'],
  STATS_UNKNOWN_STAGE: ['本赛事没有这个阶段', 'No such stage in this tournament'],

  // transport and the server itself
  FST_ERR_CTP_EMPTY_JSON_BODY: ['请求内容是空的，请重试', 'The request was empty: try again'],
  FST_ERR_CTP_INVALID_JSON_BODY: [
    '请求内容格式不对，请刷新页面后重试',
    'The request was malformed: reload the page and try again',
  ],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    '请求的类型不对，请刷新页面后重试',
    'The request was of the wrong type: reload the page and try again',
  ],
  FST_ERR_CTP_BODY_TOO_LARGE: ['发送的内容太大', 'What was sent is too large'],
  PAYLOAD_TOO_DEEP: ['请求格式不对，请刷新页面后重试', 'The request was malformed: reload the page and try again'],
  UNKNOWN_EVENT: ['页面版本过旧，请刷新页面', 'The page is out of date: reload it'],
  STILL_REFERENCED: ['还有其他记录引用它，不能删除', 'Other records still refer to it: it cannot be removed'],
  INTERNAL_ERROR: ['服务器出错了，请稍后再试', 'Something went wrong on the server: try again shortly'],
  BAD_REQUEST: ['请求有误，请检查后重试', 'The request was refused: check and try again'],
  FORBIDDEN: ['没有权限做这件事', 'You may not do this'],
  NOT_FOUND: ['找不到要找的内容', 'Not found'],
  PAYLOAD_TOO_LARGE: ['发送的内容太大', 'What was sent is too large'],
  UNSUPPORTED_MEDIA_TYPE: ['文件类型不对', 'This kind of file is not accepted'],
  SERVICE_UNAVAILABLE: ['服务器暂时忙，请稍后再试', 'The server is busy: try again shortly'],
};

/**
 * The words for `code` in `lang`, or undefined when this table has none.
 * @param {string} code
 * @param {'zh' | 'en'} lang
 */
export function errorWords(code, lang) {
  const entry = Object.hasOwn(ERROR_TEXTS, code) ? ERROR_TEXTS[code] : undefined;
  return entry ? entry[lang === 'en' ? 1 : 0] : undefined;
}
