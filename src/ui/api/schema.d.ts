/* Generated from /openapi.json by `npm run api:types`; do not edit. test/unit/ui.test.ts fails when it is stale. */
export interface paths {
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录（成功后设置会话 Cookie） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SignIn"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录（结束本会话） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前登录的账号、所属组织和菜单 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改本人密码（其他会话随之结束） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChangePassword"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changed: boolean;
                            otherSessionsEnded: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/todos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待办：等待当前账号处理的事项 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Todos"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账号列表（管辖范围内） */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    /** @description 按登录名、姓名或组织名称搜索 */
                    q?: string;
                    /** @description admin 组织部门工作人员；leader 领导；org_user 党组织书记/党务工作者；reviewer 评议人 */
                    role?: "admin" | "leader" | "org_user" | "reviewer";
                    orgId?: number;
                    kind?: "person" | "script";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 新建账号（返回一次初始密码，首次登录须修改） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateUser"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssuedAccount"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账号可选的角色及其中文名称 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description admin 组织部门工作人员；leader 领导；org_user 党组织书记/党务工作者；reviewer 评议人
                                 * @example org_user
                                 * @enum {string}
                                 */
                                value: "admin" | "leader" | "org_user" | "reviewer";
                                label: string;
                            }[];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/sign-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 登录记录（管辖范围内账号的每次登录尝试） */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    /** @description 按登录名或姓名搜索 */
                    q?: string;
                    userId?: number;
                    /** @description true：只看失败的登录 */
                    failedOnly?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SignInAttempt"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看账号（含最近的登录记录） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserDetail"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置密码（返回一次新的初始密码，账号的全部会话结束） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssuedAccount"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停用账号（会话结束，令牌吊销） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 启用账号 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/revoke-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 强制下线（结束账号的全部会话） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ended: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/notices.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 打印账号开通通知单（只打印仍为初始密码的账号） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AccountNoticesRequest"];
                };
            };
            responses: {
                /** @description PDF 文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description 账号或初始密码不正确 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 概况：管辖范围内的组织、党员和台账数量 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Overview"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 组织列表（管辖范围内） */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    kind?: "district" | "street" | "community" | "grid" | "building" | "sector" | "unit" | "enterprise" | "social_org";
                    /** @description 考核类别的编码（目录 /api/catalog/categories） */
                    category?: string;
                    parentId?: number;
                    /** @description 只列出该组织的下级（含各级） */
                    under?: number;
                    /** @description 名称或编码包含 */
                    q?: string;
                    /** @description 该日期处于存续期的组织 */
                    activeOn?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Organization"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 新建组织 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateOrganization"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 组织类型及其可用的上级类型 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["OrganizationKind"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看组织 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改组织 */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateOrganization"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/orgs/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 调整上级组织（连同全部下级） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MoveOrganization"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤销组织（填写撤销日期和原因） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CloseOrganization"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/subtree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 组织及其全部下级 */
        get: {
            parameters: {
                query?: {
                    /** @description 相对深度，0 只含本组织 */
                    maxDepth?: number | null;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Organization"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 党员列表（管辖范围内） */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    orgId?: number;
                    residenceCommunityId?: number;
                    inService?: "true" | "false";
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Member"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 新增党员（与党员导入的一行相同的检查） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateMember"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Member"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改党员 */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateMember"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Member"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 共建协议列表 */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    year?: number;
                    communityId?: number;
                    unitId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Agreement"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 签订共建协议 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateAgreement"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agreement"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agreements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看共建协议 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agreement"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/wishes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 微心愿墙（本辖区的，及共建社区的） */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    state?: "open" | "claimed" | "fulfilled" | "confirmed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CbWish"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 登记微心愿（社区或网格，须居民同意公开） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCbWish"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbWish"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/wishes/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 认领微心愿（共建单位或社区，代党员认领） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ClaimCbWish"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbWish"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/wishes/{id}/fulfil": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记心愿已实现（认领方，附佐证） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FulfilCbWish"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbWish"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/wishes/{id}/confirm-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 生成居民确认码（收集心愿的社区或网格；只返回一次，再次生成则旧码作废） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FulfilledCbWish"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/wishes/{id}/delete-contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 应居民要求删除其联系方式 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbWish"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/chairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 轮值主席（本辖区社区的，及本辖区单位担任的），含任期内认领的项目 */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    /** @description 只列出任期在这一年度的 */
                    year?: number;
                    /** @description 只列出这一社区的 */
                    communityId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CbChair"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 安排轮值主席（社区或其上级；成员单位须有该年度共建协议，任期不重叠） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCbChair"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbChair"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/chairs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除一段轮值主席任期 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出共建清单（Excel：项目、需求、资源三张表） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 共建清单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 资源清单（本辖区提供的和面向本辖区的） */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    /** @description 只列出这一组织的（提供方、收集方或项目所在社区） */
                    orgId?: number;
                    /** @description 需求：open 待对接、in_project 已立项、met 已解决、dropped 已撤销；项目：open、claimed、closing、closed，或 overdue 逾期；资源：unused 未对接（今天仍在提供期内、未撤回且未用于项目） */
                    state?: string;
                    /** @description 项目：只列出该年度内销号的（如选群众评价的项目） */
                    closedIn?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CbResource"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 登记资源（面向签有共建协议的社区或街道） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCbResource"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbResource"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/needs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 需求清单（本辖区的，及共建社区的） */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    /** @description 只列出这一组织的（提供方、收集方或项目所在社区） */
                    orgId?: number;
                    /** @description 需求：open 待对接、in_project 已立项、met 已解决、dropped 已撤销；项目：open、claimed、closing、closed，或 overdue 逾期；资源：unused 未对接（今天仍在提供期内、未撤回且未用于项目） */
                    state?: string;
                    /** @description 项目：只列出该年度内销号的（如选群众评价的项目） */
                    closedIn?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CbNeed"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 登记需求（社区或网格） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCbNeed"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbNeed"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/needs/{id}/drop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤销一项待对接的需求 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbNeed"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目清单 */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    /** @description 只列出这一组织的（提供方、收集方或项目所在社区） */
                    orgId?: number;
                    /** @description 需求：open 待对接、in_project 已立项、met 已解决、dropped 已撤销；项目：open、claimed、closing、closed，或 overdue 逾期；资源：unused 未对接（今天仍在提供期内、未撤回且未用于项目） */
                    state?: string;
                    /** @description 项目：只列出该年度内销号的（如选群众评价的项目） */
                    closedIn?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CbProject"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 立项（社区，对接需求和资源） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCbProject"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbProject"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目详情（含进度台账） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbProject"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/projects/{id}/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目的群众评价（各次评议活动的结果，结束且达到最低样本后显示） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ProjectRating"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/projects/{id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 添加责任分解的任务（谁、做什么、何时完成；可作为项目节点） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CbProjectTaskInput"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbProject"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/projects/{id}/tasks/{taskId}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记任务完成 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    taskId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CbProjectTaskDone"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbProject"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/projects/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 认领项目（共建单位） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ClaimCbProject"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbProject"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 共建概览：各社区的项目、需求、资源（按年度） */
        get: {
            parameters: {
                query: {
                    /** @description 考核年度：按事件日期计入该年度 */
                    year: number;
                    /** @description 只看这一组织（街道或社区）之下的社区，不填为本辖区 */
                    orgId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbOverview"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/member-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 成员单位落实情况：一个年度的每份共建协议，单位在该社区的项目、微心愿和资源项目落实得分 */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    offset?: number | null;
                    /** @description 共建协议的年度；成果按事件日期计入该年度 */
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbMemberUnits"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/projects/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记项目进度（责任单位或社区） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CbProjectEntry"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbProject"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/projects/{id}/close-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申请销号（责任单位，附佐证） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CbProjectEntry"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbProject"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/projects/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 同意销号（项目所在社区） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CbProjectEntry"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbProject"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cobuilding/projects/{id}/send-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回销号申请（项目所在社区，说明理由） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CbProjectEntry"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CbProject"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核周期列表 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Cycle"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 新建考核周期（草稿） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCycle"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cycle"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看考核周期 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cycle"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 推进考核周期状态（草稿→台账填报→年度评议） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TransitionCycle"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cycle"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/late-entry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置补录截止日期（评议中仍可填报该年度台账，直至计分） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LateEntryWindow"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cycle"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 按现行细则计分（生成新的计分版本） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        /** @description 只重算上次计分以来数据有变化的组织（增量版本）；不能增量时自动全部重算 */
                        changed?: boolean;
                    };
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevisionSummary"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 最新计分版本的得分列表（管辖范围内，按总分排序；分页：limit 默认 100、最多 1000，offset 起始位置，total 为总数） */
        get: {
            parameters: {
                query?: {
                    category?: string;
                    under?: number;
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revisionId: number | null;
                            total: number;
                            offset: number;
                            items: components["schemas"]["ScoreListItem"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 排名（管辖范围内，含每个等次的定级依据；取定档版本或最新计分版本） */
        get: {
            parameters: {
                query?: {
                    /** @description 只看该组织及其下级 */
                    under?: number;
                    category?: string;
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revisionId: number | null;
                            items: components["schemas"]["RankingItem"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/orgs/{orgId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 组织历年的总分和等次（到该年度为止；已定档的取最终版本） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                    orgId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["HistoryItem"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/orgs/{orgId}/scorecard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 组织的计分明细：各部分、指标、每一条得分的说明 */
        get: {
            parameters: {
                query?: {
                    revision?: number;
                };
                header?: never;
                path: {
                    year: number;
                    orgId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Scorecard"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 现场督查记录 */
        get: {
            parameters: {
                query?: {
                    orgId?: number;
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Inspection"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 登记现场督查的加分或扣分 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateInspection"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Inspection"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 申报数据 */
        get: {
            parameters: {
                query?: {
                    orgId?: number;
                    key?: string;
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DeclaredFact"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** 填写或更正申报数据 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutDeclaredFact"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeclaredFact"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 驾驶舱：管辖范围内各类别等次分布、下级对比、历年趋势、后进名单、升降情况和覆盖率 */
        get: {
            parameters: {
                query?: {
                    /** @description 看该组织及其下级（默认本人所在组织） */
                    under?: number;
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 公示计分结果（开始申诉期） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PublishCycle"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 年度考核的步骤：已完成和当前的阶段、下一步可做什么及其障碍 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CycleSteps"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/publicity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核结果公示名单（按类别和等次列出组织） */
        get: {
            parameters: {
                query: {
                    orgId: number;
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicityList"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 定档（申诉期满、申诉处理完毕后） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 申诉列表（本级及下级组织的申诉和处理结果） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Appeal"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 在公示期内提出申诉 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AppealInput"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Appeal"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/appeals/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 采纳或驳回申诉（须说明理由） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DecideAppeal"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Appeal"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 定档后的更正记录 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 更正已定档的结果（生成新的计分版本） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Correction"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 组织记录（表彰、创新项目、违纪、廉政证明、软弱涣散、否决、直接定级） */
        get: {
            parameters: {
                query?: {
                    orgId?: number;
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 登记组织记录 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OrgRecordInput"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/rules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 预览细则修改对本年度等次的影响（不保存得分） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 草稿细则（与 rules/*.json 相同的内容） */
                        ruleSet: {
                            [key: string]: unknown;
                        };
                        previewId?: number;
                    };
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/rules/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 把新版本细则用于本年度（已有结果时须提供预览编号） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 草稿细则（与 rules/*.json 相同的内容） */
                        ruleSet: {
                            [key: string]: unknown;
                        };
                        previewId?: number;
                    };
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/results.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出评定结果（Excel） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 评定结果 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description 没有计分结果 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/duty-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 述职报告列表 */
        get: {
            parameters: {
                query?: {
                    /** @description secretary 书记述职评议；chair 轮值主席履责述评 */
                    kind?: "secretary" | "chair";
                    orgId?: number;
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DutyReport"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** 提交述职报告（再次提交即替换） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DutyReportInput"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DutyReport"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/duty-reports/{id}/attachment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载述职报告附件 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 附件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description 述职报告或附件不存在，或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 管辖范围内需要上级评定的组织及其进度 */
        get: {
            parameters: {
                query?: {
                    /** @description 只看某一进度的组织 */
                    status?: "notStarted" | "selfInProgress" | "awaitingReview" | "reviewed";
                    /** @description 组织名称包含 */
                    q?: string;
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AssessmentProgress"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/assessments/{orgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 组织的自评与上级评定（各指标的两个分数及差额） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                    orgId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgAssessments"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/assessments/{orgId}/{indicator}/self": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 填报本组织某项指标的自评分（在自评时间内） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                    orgId: number;
                    indicator: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutAssessment"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgAssessments"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/assessments/{orgId}/{indicator}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 填报下级组织某项指标的上级评定分 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                    orgId: number;
                    indicator: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutAssessment"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgAssessments"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/self-assessment-window": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置自评时间（开始、截止日期，含当日） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SelfAssessmentWindow"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentWindow"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 述职评议列表 */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ReviewSession"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 创建述职评议（评议项目、评议群体和权重） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateReviewSessionInput"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewSession"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 创建述职评议可选的类型、评议群体（中文名称和常用权重）和评议项目 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewOptions"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/sheets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的评议表（“评议人”账号：待填写和已提交的评议） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ReviewerSheet"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看述职评议 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewSession"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 添加被评议组织 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AddReviewSubjectsInput"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewSession"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/raters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 添加评议人：生成一次性评议码（只显示一次）或登记“评议人”令牌 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AddReviewRatersInput"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AddedReviewRaters"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 开始或结束评议 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReviewTransitionInput"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewSession"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 评议结果（结束后；按群体汇总票数，不含任何个人的评议） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewResults"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/ballot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 评议表（“评议人”令牌） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewBallot"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交评议表（“评议人”令牌，只能提交一次） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReviewVotesInput"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReviewVoteReceipt"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/paper": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入纸质评议表（.xlsx 或 .csv：票号、评议群体、组织编码、各评议项目；全部成功或全部不写入） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description 导入成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: number;
                            votes: number;
                        };
                    };
                };
                /** @description 文件有误：details.errors 列出每个出错的行、列和原因；未写入任何数据 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 评议不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 评议不在进行中，或考核周期不在“年度评议中” */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agreements/{id}/twoway": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 双向评价（两个方向） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TwowayView"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** 填写本方的双向评价（总分由系统计算） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TwowayInput"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TwowayView"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agreements/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 在职党员服务情况反馈 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberFeedback"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** 社区反馈在职党员的报到、服务时长和评价 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MemberFeedbackInput"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MemberFeedback"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twoway": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 双向评价总览：管辖范围内一个年度各共建协议双方是否已评价 */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TwowayOverview"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalog/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 台账记录类型（含已停用的） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CatalogKind"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 新增台账记录类型（顶级组织的管理员） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCatalogKind"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CatalogKind"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalog/kinds/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改台账记录类型（编码不能修改） */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateCatalogKind"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CatalogKind"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/catalog/kinds/{code}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停用台账记录类型（不再接受新记录，已有记录照常计分） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CatalogKind"] & {
                            /** @description 这一类型已有的台账记录数 */
                            records: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalog/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核类别（含已停用的） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CatalogCategory"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 新增考核类别（顶级组织的管理员） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCatalogCategory"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CatalogCategory"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalog/categories/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改考核类别的名称（编码不能修改） */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateCatalogCategory"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CatalogCategory"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/catalog/categories/{code}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 停用考核类别（组织不能再归入，已有的组织和结果不变） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CatalogCategory"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalog/twoway-forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 双向评价表（两个方向的当前版本及各年度使用的版本） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TwowayForms"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalog/twoway-forms/{direction}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 保存一个方向的评价表为新版本（顶级组织的管理员；已开始评价的年度不变） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description community_rates_unit 社区评价共建单位；unit_rates_community 共建单位评价社区 */
                    direction: "community_rates_unit" | "unit_rates_community";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TwowayFormInput"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TwowayForms"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 台账记录类型 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RecordKind"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 台账记录列表 */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    cycle?: number;
                    /** @description 只看该组织自己的记录 */
                    orgId?: number;
                    /** @description 该组织及其全部下级的记录 */
                    under?: number;
                    /** @description 记录类型编码或中文名，多个用逗号分隔 */
                    kind?: string;
                    status?: "submitted" | "verified" | "rejected";
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LedgerRecord"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 填报台账记录 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateLedgerRecord"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LedgerRecord"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看台账记录 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LedgerRecord"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** 修改台账记录（审核通过前；被退回的记录修改后重新待审核） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateLedgerRecord"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LedgerRecord"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回台账记录（审核通过前） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {boolean} */
                            withdrawn: true;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 批量审核（通过或退回，全部成功或全部不变） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BulkReviewLedger"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LedgerRecord"][];
                            count: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核通过 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LedgerRecord"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ledger/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回（须说明原因） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RejectLedgerRecord"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LedgerRecord"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传文件（佐证材料：JPEG、PNG、WebP 图片或 PDF，不超过 10 MB） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** @description 文件所属组织（其上级可查看） */
                        orgId: number;
                        /**
                         * @description ledger_evidence 台账佐证材料；duty_report 述职报告附件；appeal_evidence 申诉材料；cobuilding_evidence 共建项目进度、销号佐证
                         * @default ledger_evidence
                         * @enum {string}
                         */
                        purpose?: "ledger_evidence" | "duty_report" | "appeal_evidence" | "cobuilding_evidence";
                        /**
                         * Format: binary
                         * @description JPEG、PNG、WebP 图片或 PDF，不超过 10 MB
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description 已保存 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StoredFile"];
                    };
                };
                /** @description 文件类型不可接受、为空或已损坏；未保存 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 组织不在管辖范围内 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 超过 10 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载文件 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 下载文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description 文件不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 图片缩略图（WebP） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 图片缩略图（WebP） */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description 文件不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 多方参加的会议列表 */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    cycle?: number;
                    hostOrgId?: number;
                    /** @description joint_meeting 大党委联席会议；policy_study 政策学习会 */
                    kind?: "joint_meeting" | "policy_study";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Meeting"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 登记会议及各单位出席情况 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateMeeting"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看会议 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/meetings/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更正出席情况 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SetAttendance"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Meeting"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/checkins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 报到与服务记录 */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    cycle?: number;
                    communityId?: number;
                    memberId?: number;
                    /** @description report 到社区报到；service 志愿服务（须填时长） */
                    kind?: "report" | "service";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Checkin"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 登记报到或服务 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCheckin"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Checkin"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{target}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 从 .xlsx 或 .csv 导入（全部成功或全部不写入） */
        post: {
            parameters: {
                query?: {
                    /** @description 账号导入（users）可选 pdf：直接返回全部账号的开通通知单 */
                    format?: "json" | "pdf";
                };
                header?: never;
                path: {
                    target: "ledger" | "orgs" | "members" | "users" | "needs" | "resources";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description 导入成功（账号导入：accounts 列出每个账号的初始密码，只返回这一次） */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: number;
                        } & {
                            [key: string]: unknown;
                        };
                        "application/pdf": string;
                    };
                };
                /** @description 文件有误：details.errors 列出每个出错的行、列和原因；未写入任何数据 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 考核周期已关闭 */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{target}/annotated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 检查文件并下载错误标注副本（不写入任何数据）
         * @description 与导入做同样的检查（在回滚的事务中），返回上传的表格：末尾加“错误说明”列，出错的单元格标红。没有错误时答 400。
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    target: "ledger" | "orgs" | "members" | "users" | "needs" | "resources";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description 错误标注副本（.xlsx） */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description 文件有误：details.errors 列出每个出错的行、列和原因；未写入任何数据 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 考核周期已关闭 */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{target}/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载导入模板 */
        get: {
            parameters: {
                query?: {
                    format?: "xlsx" | "csv";
                };
                header?: never;
                path: {
                    target: "ledger" | "orgs" | "members" | "users" | "needs" | "resources";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 模板文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                        "text/csv": string;
                    };
                };
                /** @description 文件有误：details.errors 列出每个出错的行、列和原因；未写入任何数据 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 考核周期已关闭 */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 群众评议活动列表 */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Campaign"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 创建群众评议活动（评议对象、项目、答案、评议群体） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCampaignInput"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 创建评议活动的常用项目、答案、评议群体，以及二维码指向的公网地址 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignOptions"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 评议活动及各评议对象的发码数、有效票数 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 开始评议 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结束评议（结束后结果计入考核） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发放一次性评议码（明码只在此返回一次；format=html 或 pdf 返回可打印的二维码卡片，A4 每页 12 张） */
        post: {
            parameters: {
                query?: {
                    /** @description html 或 pdf：可打印的二维码卡片（A4，每页 12 张） */
                    format?: "json" | "html" | "pdf";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["IssueCodesInput"];
                };
            };
            responses: {
                /** @description 评议码 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                        "text/html": string;
                        "application/pdf": string;
                    };
                };
                /** @description 输入有误 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 无权操作 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 评议已结束 */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 异常标记：同一来源集中提交、答案雷同（列出涉及的评议票编号） */
        get: {
            parameters: {
                query?: {
                    /** @description 同一来源在时间窗内的票数达到此数即标记 */
                    burstCount?: number;
                    burstMinutes?: number;
                    /** @description 同一对象在时间窗内答案完全相同的票数达到此数即标记 */
                    patternCount?: number;
                    patternMinutes?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/ballots/{ballotId}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 作废一张评议票（须说明理由） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    ballotId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["VoidBallotInput"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/ballots/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 作废多张评议票（同一理由；全部作废或一张也不作废） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["VoidBallotsInput"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VoidedBallots"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 评议结果（评议结束且达到最低样本后才显示各项汇总） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/paper": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入纸质评议票（.xlsx 或 .csv：评议对象编码、评议群体、每个评议项目一列；全部成功或全部不写入） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description 导入成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 文件有误：details.errors 列出每个出错的行、列、值和原因；未写入任何数据 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 无权操作 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 评议不在进行中 */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志 */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number | null;
                    entity?: string;
                    entityId?: string;
                    /** @description 操作代码，见 /api/audit/actions */
                    action?: string;
                    /** @description 操作人姓名的一部分，或操作人编号（user:12） */
                    actor?: string;
                    /** @description 只看该组织及其下级组织 */
                    orgId?: number;
                    /** @description 起始日期（北京时间，含当天） */
                    from?: string;
                    /** @description 截止日期（北京时间，含当天） */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEntry"][];
                            total: number;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志中出现的操作及其中文名称 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                value: string;
                                label: string;
                            }[];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出审计日志（Excel，条件与列表相同） */
        get: {
            parameters: {
                query?: {
                    entity?: string;
                    entityId?: string;
                    /** @description 操作代码，见 /api/audit/actions */
                    action?: string;
                    /** @description 操作人姓名的一部分，或操作人编号（user:12） */
                    actor?: string;
                    /** @description 只看该组织及其下级组织 */
                    orgId?: number;
                    /** @description 起始日期（北京时间，含当天） */
                    from?: string;
                    /** @description 截止日期（北京时间，含当天） */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 审计日志 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description 筛选条件有误 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 访问令牌列表（不含令牌本身） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiToken"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 创建访问令牌（令牌只返回这一次） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTokenRequest"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedApiToken"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 吊销访问令牌 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiToken"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/orgs/{orgId}/scorecard.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 年度考核评价表（PDF） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                    orgId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF 文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description 组织或计分结果不存在 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 没有可用的浏览器生成 PDF */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/orgs/{orgId}/rankings.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 该组织下属各组织的排名表（PDF） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                    orgId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF 文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description 组织或计分结果不存在 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 没有可用的浏览器生成 PDF */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/orgs/{orgId}/book.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 该组织下属全部考核评价表汇编（PDF，含封面、目录、连续页码） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                    orgId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF 文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description 组织或计分结果不存在 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 没有可用的浏览器生成 PDF */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/orgs/{orgId}/publicity.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核结果公示名单（PDF，按类别和等次列出组织，不含分数） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                    orgId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF 文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description 组织或计分结果不存在 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 没有可用的浏览器生成 PDF */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/result.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 述职评议结果（PDF，评议结束后） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF 文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 尚不能打印（如评议未结束） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agreements/{id}/feedback.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 双向评价反馈函（PDF） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF 文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 尚不能打印（如评议未结束） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cycles/{year}/rule-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本年度各考核类别适用的细则版本（已固定的版本，或现行版本），含是否已固定、固定时间和固定者 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["YearRuleSets"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rule-sets/{hash}/rubric": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核细则表：各部分、指标、分值和评分方法，以及等次评定规则（中文，由细则文件生成） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    hash: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Rubric"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rule-sets/{hash}/rubric.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核细则表（PDF，可打印） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    hash: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF 文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description 角色不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 这一版细则不存在 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 没有可用的浏览器生成 PDF */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rule-drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核细则草稿列表（组织部） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RuleDrafts"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 新建草稿：复制某一版细则（校验码），或给出细则文本 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateRuleDraftInput"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RuleDraft"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rule-drafts/json-schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 细则文件的 JSON Schema（编辑器用于补全和提示；台账记录类型取自数据库目录） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rule-drafts/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 校验细则文本（含示例），每处问题给出 JSON 路径和行号（不保存） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ValidateRuleDraftInput"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RuleDraftValidation"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rule-drafts/refresh-examples": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更新示例：未通过的示例改用按当前文本算出的期望值（不保存，返回新文本） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ValidateRuleDraftInput"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RefreshedRuleExamples"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rule-drafts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 草稿的文本和校验结果 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RuleDraft"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** 保存草稿（校验不通过也保存；给出读取时的 updatedAt 可防止覆盖他人的修改） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SaveRuleDraftInput"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RuleDraft"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** 删除草稿（已发布的版本不受影响） */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {boolean} */
                            deleted: true;
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rule-drafts/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 预览草稿对某年度等次的影响（不保存得分）：前后分布和等次变化的组织 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PreviewRuleDraftInput"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RulePreview"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rule-drafts/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布草稿：存为新版本并用于该年度（已有结果时须提供同一内容的预览编号） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PublishRuleDraftInput"];
                };
            };
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishedRuleDraft"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/books": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 生成考核评价汇编（合订本）：后台任务；相同范围、年度和计分版本只生成一次 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BookRequest"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobAccepted"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 计分（后台任务，进度可查；完成后生成新的计分版本） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ScoreRequest"];
                };
            };
            responses: {
                /** @description 成功 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobAccepted"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 后台任务列表（管辖范围内，最近 50 个） */
        get: {
            parameters: {
                query?: {
                    /** @description 只列出这一类任务 */
                    kind?: "book" | "score";
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Job"][];
                        };
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 后台任务的状态和进度 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重试失败或已取消的任务 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 取消排队中或进行中的任务 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 成功 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description 输入有误：details 列出出错的字段 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 未提供或无效的令牌 */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 角色或管辖范围不允许 */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 与当前状态冲突（如考核周期已关闭） */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载任务结果（合订本 PDF） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF 文件 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description 不存在或不在管辖范围内 */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description 任务尚未完成 */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Me: {
            id: number;
            login: string;
            displayName: string;
            /** @enum {string} */
            role: "admin" | "leader" | "org_user" | "reviewer";
            roleLabel: string;
            org: {
                id: number;
                name: string;
                kind: string;
                kindLabel: string;
            };
            mustChangePassword: boolean;
            /** @description 以会话 Cookie 登录时，每个写请求须在请求头 X-CSRF-Token 中带上它 */
            csrfToken: string | null;
            menu: components["schemas"]["MenuEntry"][];
            /** @description 页头显示哪些选择器：考核年度、组织 */
            pickers: {
                cycle: boolean;
                org: boolean;
            };
            /** @description 页面默认打开的考核年度 */
            currentYear: number | null;
            /** @description 首页可打印的文件：年度考核评价表、排名表 */
            printables: ("scorecard" | "rankings")[];
            /** @description 密码规则（修改密码时显示） */
            passwordRule: string;
        };
        MenuEntry: {
            path: string;
            title: string;
            icon: string;
        };
        Error: {
            error: {
                /** @example validation_failed */
                code: string;
                /** @example occurredOn：日期不在考核年度内 */
                message: string;
                requestId: string | null;
                details?: unknown;
            };
        };
        SignIn: {
            /** @example demo-community */
            login: string;
            /** @example xingping-demo */
            password: string;
        };
        ChangePassword: {
            currentPassword: string;
            /** @description 8 至 64 位，至少包含大写字母、小写字母、数字、符号中的三类，不能包含登录名 */
            newPassword: string;
        };
        Todos: {
            items: components["schemas"]["Todo"][];
            total: number;
        };
        Todo: {
            key: string;
            title: string;
            detail: string;
            count: number;
            /** @description 处理这件事的页面；尚无页面时为 null */
            path: string | null;
            /** @enum {string} */
            level: "action" | "info";
        };
        User: {
            id: number;
            login: string;
            displayName: string;
            /**
             * @description admin 组织部门工作人员；leader 领导；org_user 党组织书记/党务工作者；reviewer 评议人
             * @example org_user
             * @enum {string}
             */
            role: "admin" | "leader" | "org_user" | "reviewer";
            roleLabel: string;
            /** @enum {string} */
            kind: "person" | "script";
            orgId: number;
            orgName: string;
            orgKindLabel: string;
            phone: string | null;
            mustChangePassword: boolean;
            locked: boolean;
            disabled: boolean;
            lastSignInAt: string | null;
            liveSessions: number;
            /** @description 当前账号可对该账号执行的操作：重置密码、停用、启用、强制下线 */
            actions: ("reset" | "disable" | "enable" | "revoke")[];
        };
        IssuedAccount: {
            id: number;
            login: string;
            displayName: string;
            /**
             * @description admin 组织部门工作人员；leader 领导；org_user 党组织书记/党务工作者；reviewer 评议人
             * @example org_user
             * @enum {string}
             */
            role: "admin" | "leader" | "org_user" | "reviewer";
            roleLabel: string;
            orgName: string;
            initialPassword: string;
        };
        CreateUser: {
            /** @example zhang.san */
            login: string;
            displayName: string;
            /**
             * @description admin 组织部门工作人员；leader 领导；org_user 党组织书记/党务工作者；reviewer 评议人
             * @example org_user
             * @enum {string}
             */
            role: "admin" | "leader" | "org_user" | "reviewer";
            orgId: number;
            phone?: string;
            password?: string;
        };
        SignInAttempt: {
            id: number;
            at: string;
            userId: number;
            login: string;
            displayName: string;
            orgName: string;
            address: string;
            outcome: string;
            success: boolean;
            /** @description 结果：成功，或失败及原因 */
            outcomeLabel: string;
        };
        UserDetail: components["schemas"]["User"] & {
            signIns: {
                at: string;
                address: string;
                outcome: string;
            }[];
        };
        AccountNoticesRequest: {
            accounts: {
                id: number;
                initialPassword: string;
            }[];
        };
        Overview: {
            cycle: {
                year: number;
                state: string;
                stateLabel: string;
            } | null;
            cycles: {
                year: number;
                stateLabel: string;
            }[];
            /** @description 管辖范围内往下三级的组织，按层级排列；各项数字含全部下级（台账数为当前年度） */
            nodes: components["schemas"]["OverviewNode"][];
        };
        OverviewNode: {
            id: number;
            code: string;
            name: string;
            kind: string;
            kindLabel: string;
            parentId: number | null;
            depth: number;
            secretaryName: string | null;
            orgCount: number;
            communityCount: number;
            gridCount: number;
            unitCount: number;
            memberCount: number;
            recordCount: number;
            verifiedCount: number;
        };
        Organization: {
            id: number;
            code: string;
            name: string;
            /**
             * @example community
             * @enum {string}
             */
            kind: "district" | "street" | "community" | "grid" | "building" | "sector" | "unit" | "enterprise" | "social_org";
            kindLabel: string;
            /**
             * @description 考核类别的编码（目录 /api/catalog/categories）
             * @example community
             */
            category: string | null;
            categoryLabel: string | null;
            parentId: number | null;
            depth: number;
            secretaryName: string | null;
            memberCount: number;
            activeFrom: string;
            activeTo: string | null;
        };
        CreateOrganization: {
            /** @example XC-01-03 */
            code: string;
            name: string;
            /**
             * @example community
             * @enum {string}
             */
            kind: "district" | "street" | "community" | "grid" | "building" | "sector" | "unit" | "enterprise" | "social_org";
            /**
             * @description 考核类别的编码（目录 /api/catalog/categories）
             * @example community
             */
            category?: string;
            parentId: number;
            secretaryName?: string;
            /** @default 0 */
            memberCount: number;
            /**
             * Format: date
             * @example 2025-06-18
             */
            activeFrom?: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            activeTo?: string;
        };
        OrganizationKind: {
            /**
             * @example community
             * @enum {string}
             */
            kind: "district" | "street" | "community" | "grid" | "building" | "sector" | "unit" | "enterprise" | "social_org";
            label: string;
            /** @description 可以作为其上级的组织类型；空表示只能是最高一级 */
            parentKinds: ("district" | "street" | "community" | "grid" | "building" | "sector" | "unit" | "enterprise" | "social_org")[];
        };
        UpdateOrganization: {
            /** @example XC-01-03 */
            code?: string;
            name?: string;
            /**
             * @description 考核类别的编码（目录 /api/catalog/categories）
             * @example community
             */
            category?: string | null;
            secretaryName?: string | null;
            memberCount?: number;
            /**
             * Format: date
             * @example 2025-06-18
             */
            activeFrom?: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            activeTo?: string | null;
        };
        MoveOrganization: {
            parentId: number;
        };
        CloseOrganization: {
            /**
             * Format: date
             * @description 撤销日期（最后一个存续日）
             * @example 2025-06-18
             */
            activeTo: string;
            reason: string;
        };
        Member: {
            id: number;
            name: string;
            orgId: number;
            orgName: string;
            employerName: string | null;
            employerOrgId: number | null;
            residenceCommunityId: number | null;
            residenceCommunityName: string | null;
            inService: boolean;
        };
        CreateMember: {
            /** @example 李春燕 */
            name: string;
            /** @description 组织关系所在的组织 */
            orgId: number;
            /** @description 空字符串与 null 一样表示未填 */
            employerName?: string | null;
            /** @description 工作单位的党组织（驻区单位、非公企业或社会组织） */
            employerOrgId?: number | null;
            /** @description 在职党员报到的居住社区（社区党组织） */
            residenceCommunityId?: number | null;
            inService: boolean;
        };
        UpdateMember: {
            /** @example 李春燕 */
            name?: string;
            /** @description 组织关系所在的组织 */
            orgId?: number;
            /** @description 空字符串与 null 一样表示未填 */
            employerName?: string | null;
            /** @description 工作单位的党组织（驻区单位、非公企业或社会组织） */
            employerOrgId?: number | null;
            /** @description 在职党员报到的居住社区（社区党组织） */
            residenceCommunityId?: number | null;
            inService?: boolean;
        };
        Agreement: {
            id: number;
            communityId: number;
            communityName: string;
            unitId: number;
            unitName: string;
            year: number;
            content: string;
            signedOn: string | null;
        };
        CreateAgreement: {
            communityId: number;
            unitId: number;
            year: number;
            /** @example 共建党员活动阵地；每季度开展一次联合志愿服务 */
            content: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            signedOn?: string;
        };
        CbWish: {
            id: number;
            org: {
                id: number;
                name: string;
            };
            wish: string;
            residentAlias: string;
            /** @description 只有认领方（认领后）可见；其他人为 null */
            residentContact: string | null;
            contactDeleted: boolean;
            consentOn: string;
            raisedOn: string;
            state: string;
            stateLabel: string;
            claimer: {
                id: number;
                name: string;
            } | null;
            claimerMember: string | null;
            claimedOn: string | null;
            fulfilledOn: string | null;
            fulfilText: string | null;
            evidence: components["schemas"]["LedgerEvidence"][];
            confirmedOn: string | null;
            /** @description 当前账号现在可以做的：认领、登记实现、生成居民确认码、删除居民联系方式 */
            actions: ("claim" | "fulfil" | "issueCode" | "deleteContact")[];
        };
        LedgerEvidence: {
            name: string;
            ref?: string;
            fileId?: number;
            mime?: string;
            size?: number;
        };
        CreateCbWish: {
            /**
             * @description 收集心愿的社区或网格
             * @example 12
             */
            orgId: number;
            /** @example 想要一台收音机听戏 */
            wish: string;
            /**
             * @description 公开显示的称呼，如“王奶奶”，不写全名
             * @example 王奶奶
             */
            residentAlias: string;
            /** @description 居民联系方式：只有认领方在认领后可见，可应居民要求删除 */
            residentContact?: string;
            /**
             * Format: date
             * @description 居民同意公开心愿的日期（不能晚于收集日期）
             * @example 2025-06-18
             */
            consentOn: string;
            /**
             * Format: date
             * @description 收集日期，不填为今天
             * @example 2025-06-18
             */
            raisedOn?: string;
        };
        ClaimCbWish: {
            /**
             * @description 认领的单位（须与心愿所在社区签有共建协议）或社区本身
             * @example 12
             */
            claimerId: number;
            /** @description 代为认领的党员姓名（党员没有账号） */
            member?: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            on?: string;
        };
        FulfilCbWish: {
            text: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            on?: string;
            /** @default [] */
            fileIds: number[];
        };
        FulfilledCbWish: components["schemas"]["CbWish"] & {
            /** @description 居民确认码：只返回这一次，交给居民在 /w/确认码 确认 */
            confirmCode: string;
            confirmUrl: string;
        };
        CbChair: {
            id: number;
            community: {
                id: number;
                name: string;
            };
            unit: {
                id: number;
                name: string;
            };
            startsOn: string;
            endsOn: string;
            duties: string | null;
            /** @description 今天（北京时间）在任 */
            current: boolean;
            /** @description 任期内本单位认领的该社区项目（轮值主席牵头解决的问题） */
            projects: {
                id: number;
                title: string;
                state: string;
                stateLabel: string;
                claimedOn: string;
                closedOn: string | null;
                overdue: boolean;
            }[];
            claimed: number;
            /** @description 其中已销号的 */
            closed: number;
            mayDelete: boolean;
        };
        CreateCbChair: {
            /**
             * @description 大党委所在的社区
             * @example 12
             */
            communityId: number;
            /**
             * @description 轮值的成员单位（须与社区签有该年度的共建协议）
             * @example 12
             */
            unitId: number;
            /**
             * Format: date
             * @description 任期开始
             * @example 2025-06-18
             */
            startsOn: string;
            /**
             * Format: date
             * @description 任期结束（与开始在同一年度）
             * @example 2025-06-18
             */
            endsOn: string;
            /** @description 轮值期间牵头的重点事项 */
            duties?: string;
        };
        CbResource: {
            id: number;
            orgId: number;
            orgName: string;
            offeredToId: number;
            offeredToName: string;
            /**
             * @description venue 场地、talent 人才、funds 资金、goods 物资、service 服务、other 其他
             * @enum {string}
             */
            kind: "venue" | "talent" | "funds" | "goods" | "service" | "other";
            kindLabel: string;
            title: string;
            description: string;
            capacity: string | null;
            contact: string | null;
            offeredOn: string;
            availableTo: string | null;
            withdrawnOn: string | null;
            /** @description 用到这项资源的项目数 */
            projects: number;
        };
        CreateCbResource: {
            /**
             * @description 提供资源的组织（驻区单位、非公企业、社会组织或社区本身）
             * @example 12
             */
            orgId: number;
            /**
             * @description 面向的社区（须有共建协议）或街道
             * @example 12
             */
            offeredToId: number;
            /**
             * @description venue 场地、talent 人才、funds 资金、goods 物资、service 服务、other 其他
             * @enum {string}
             */
            kind: "venue" | "talent" | "funds" | "goods" | "service" | "other";
            title: string;
            description: string;
            /** @description 规模或数量，如“可容纳 60 人”“每月 8 小时” */
            capacity?: string;
            contact?: string;
            /**
             * Format: date
             * @description 提供日期，不填为今天
             * @example 2025-06-18
             */
            offeredOn?: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            availableTo?: string;
        };
        CbNeed: {
            id: number;
            orgId: number;
            orgName: string;
            /**
             * @description venue 场地、talent 人才、funds 资金、goods 物资、service 服务、other 其他
             * @enum {string}
             */
            kind: "venue" | "talent" | "funds" | "goods" | "service" | "other";
            kindLabel: string;
            title: string;
            description: string;
            residents: number | null;
            urgency: string;
            urgencyLabel: string;
            source: string;
            sourceLabel: string;
            raisedOn: string;
            state: string;
            stateLabel: string;
            metOn: string | null;
        };
        CreateCbNeed: {
            /**
             * @description 收集需求的社区或网格
             * @example 12
             */
            orgId: number;
            /**
             * @description venue 场地、talent 人才、funds 资金、goods 物资、service 服务、other 其他
             * @enum {string}
             */
            kind: "venue" | "talent" | "funds" | "goods" | "service" | "other";
            title: string;
            description: string;
            /** @description 涉及居民人数 */
            residents?: number;
            /**
             * @default normal
             * @enum {string}
             */
            urgency: "normal" | "urgent";
            /**
             * @description visit 走访、council 议事会、grid_report 网格上报、resident_order 群众点单
             * @enum {string}
             */
            source: "visit" | "council" | "grid_report" | "resident_order";
            /**
             * Format: date
             * @description 收集日期，不填为今天
             * @example 2025-06-18
             */
            raisedOn?: string;
        };
        CbProject: {
            id: number;
            community: {
                id: number;
                name: string;
            };
            responsible: {
                id: number;
                name: string;
            } | null;
            title: string;
            goal: string;
            plannedStart: string;
            plannedEnd: string;
            state: string;
            stateLabel: string;
            /** @description 未销号且已过计划完成日期（按北京时间今天计算） */
            overdue: boolean;
            createdOn: string;
            claimedOn: string | null;
            closeProposedOn: string | null;
            closedOn: string | null;
            sentBack: number;
            needs: {
                id: number;
                title: string;
            }[];
            resources: {
                id: number;
                title: string;
            }[];
            partners: {
                id: number;
                name: string;
            }[];
            progress: {
                id: number;
                kind: string;
                kindLabel: string;
                on: string;
                text: string;
                fileIds: number[];
                /** @description 佐证文件（名称、类型），按 fileIds 的顺序 */
                evidence: components["schemas"]["LedgerEvidence"][];
                orgName: string;
            }[];
            /** @description 责任分解：谁、做什么、何时完成（含项目节点） */
            tasks: {
                id: number;
                title: string;
                org: {
                    id: number;
                    name: string;
                };
                person: string | null;
                dueOn: string;
                /** @description 是否为项目节点（里程碑） */
                milestone: boolean;
                doneOn: string | null;
                /** @description 未完成且已过完成时限（按北京时间今天计算） */
                overdue: boolean;
                /** @description 当前账号现在可以标记完成 */
                mayFinish: boolean;
            }[];
            /** @description 当前账号现在可以添加责任分解的任务 */
            mayPlan: boolean;
            /** @description 当前账号现在可以做的：认领（以本单位名义）、登记进度、申请销号、同意销号、退回 */
            actions: ("claim" | "progress" | "proposeClose" | "approveClose" | "sendBack")[];
        };
        CreateCbProject: {
            /** @example 12 */
            communityId: number;
            title: string;
            goal: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            plannedStart: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            plannedEnd: string;
            /**
             * Format: date
             * @description 立项日期，不填为今天
             * @example 2025-06-18
             */
            createdOn?: string;
            /** @default [] */
            needIds: number[];
            /** @default [] */
            resourceIds: number[];
            /**
             * @description 协作单位
             * @default []
             */
            partnerIds: number[];
        };
        ProjectRating: {
            campaignId: number;
            campaignTitle: string;
            year: number;
            /** @enum {string} */
            state: "draft" | "open" | "closed";
            stateLabel: string;
            targetId: number;
            orgId: number;
            orgName: string;
            projectId: number | null;
            name: string;
            validBallots: number;
            minSample: number;
            /** @description 评议已结束且有效票达到最低样本时才显示各项答案 */
            shown: boolean;
            note: string | null;
            items: {
                key: string;
                label: string;
                answers: {
                    answer: string;
                    count: number;
                    /** @description 占有效票的百分比，两位小数 */
                    share: string;
                }[];
            }[];
        };
        CbProjectTaskInput: {
            /** @example 协调场地，组织施工 */
            title: string;
            /**
             * @description 责任单位：项目所在社区、责任单位或协作单位
             * @example 12
             */
            orgId: number;
            /**
             * @description 责任人
             * @example 王建国
             */
            person?: string;
            /**
             * Format: date
             * @description 完成时限，须在项目计划时间之内
             * @example 2025-06-18
             */
            dueOn: string;
            /**
             * @description 作为项目节点（里程碑）
             * @default false
             */
            milestone: boolean;
        };
        CbProjectTaskDone: {
            /**
             * Format: date
             * @description 完成日期，不填为今天
             * @example 2025-06-18
             */
            on?: string;
        };
        ClaimCbProject: {
            /**
             * @description 认领的单位（须与项目所在社区签有共建协议）
             * @example 12
             */
            unitId: number;
            /**
             * Format: date
             * @example 2025-06-18
             */
            on?: string;
        };
        CbOverview: {
            year: number;
            rows: {
                projects: {
                    open: number;
                    claimed: number;
                    closing: number;
                    closed: number;
                    /** @description 未销号且已过计划完成日期（北京时间今天） */
                    overdue: number;
                };
                needs: {
                    raised: number;
                    urgent: number;
                    met: number;
                };
                resources: {
                    offered: number;
                    used: number;
                };
                communityId: number;
                communityName: string;
                streetName: string | null;
            }[];
            totals: {
                projects: {
                    open: number;
                    claimed: number;
                    closing: number;
                    closed: number;
                    /** @description 未销号且已过计划完成日期（北京时间今天） */
                    overdue: number;
                };
                needs: {
                    raised: number;
                    urgent: number;
                    met: number;
                };
                resources: {
                    offered: number;
                    used: number;
                };
            };
        };
        CbMemberUnits: {
            year: number;
            /** @description 本年度“社区评价共建单位”表中由系统计算的项目（资源项目落实）；没有时为 null */
            item: {
                label: string;
                max: number;
                basis: string | null;
            } | null;
            items: {
                agreementId: number;
                community: {
                    id: number;
                    name: string;
                };
                unit: {
                    id: number;
                    name: string;
                };
                closedOnTime: number;
                closedLate: number;
                wishFulfilled: number;
                overdueOpen: number;
                /** @description 本年度在该社区有销号项目或实现的微心愿 */
                delivered: boolean;
                /** @description 按今天的清单计算的资源项目落实得分 */
                points: number | null;
                text: string | null;
            }[];
            total: number;
        };
        CbProjectEntry: {
            text: string;
            /**
             * Format: date
             * @description 日期，不填为今天
             * @example 2025-06-18
             */
            on?: string;
            /** @default [] */
            fileIds: number[];
        };
        Cycle: {
            year: number;
            /** @enum {string} */
            state: "draft" | "collecting" | "reviewing" | "computed" | "published" | "finalized";
            stateLabel: string;
            createdAt: string;
            updatedAt: string;
            publishedOn: string | null;
            appealDeadline: string | null;
            finalRevisionId: number | null;
            /** @description 自评开始日期（含） */
            selfAssessmentOpens: string | null;
            /** @description 自评截止日期（含） */
            selfAssessmentCloses: string | null;
            /** @description 补录截止日期（含）：评议中仍可填报该年度台账，直至计分 */
            lateEntryUntil: string | null;
            /** @description 页面提供的写入今天是否开放：null 为开放，否则为不能写入的原因（与被拒绝的写入同样的话） */
            closed: {
                ledger: string | null;
                dutyReport: string | null;
                twoway: string | null;
                appeal: string | null;
            };
        };
        CreateCycle: {
            year: number;
        };
        TransitionCycle: {
            /** @enum {string} */
            to: "draft" | "collecting" | "reviewing" | "computed" | "published" | "finalized";
        };
        LateEntryWindow: {
            /**
             * Format: date
             * @description 补录截止日期（含）；null 取消补录
             * @example 2025-06-18
             */
            until: string | null;
        };
        RevisionSummary: {
            revisionId: number;
            year: number;
            state: string;
            organizations: number;
            /** @description 本次实际重新计分的组织数（全部重算时等于 organizations） */
            rescored: number;
            /** @description 增量版本所依据的完整版本；全部重算时为 null */
            baseRevisionId: number | null;
            categories: {
                category: string;
                ruleSet: string;
                organizations: number;
                assessed: number;
                mean: string;
                min: string;
                max: string;
                /** @description 各等次的组织数 */
                grades?: {
                    [key: string]: number;
                };
            }[];
            /** @description 定级时的提示（如名额不足） */
            warnings?: string[];
        };
        ScoreListItem: {
            orgId: number;
            code: string;
            name: string;
            category: string;
            assessed: boolean;
            total: string;
        };
        RankingItem: {
            orgId: number;
            code: string;
            name: string;
            parentId: number | null;
            parentName: string | null;
            category: string;
            categoryLabel: string;
            total: string;
            assessed: boolean;
            grade: string | null;
            gradeLabel: string;
            rankCategory: number | null;
            rankParent: number | null;
            move: string | null;
            lagging: boolean;
            reason: {
                /** @description 定级步骤编码：band 分数段、quota 比例、veto 一票否决、cap 封顶、prerequisite 前置条件、direct 直接定级、yearOverYear 升降限制、correction 更正；not_assessed 不予评定 */
                code: string | null;
                label: string | null;
                text: string;
            };
        };
        HistoryItem: {
            year: number;
            state: string;
            stateLabel: string;
            /** @description 已定档（取最终版本） */
            final: boolean;
            assessed: boolean;
            total: string;
            gradeLabel: string | null;
            stars: number | null;
            lagging: boolean;
        };
        Scorecard: {
            org: {
                id: number;
                code: string;
                name: string;
                category: string | null;
                categoryLabel: string | null;
            };
            year: number;
            revision: {
                id: number;
                createdAt: string;
                createdBy: string;
            };
            ruleSet: {
                id: string;
                title: string;
                version: string;
                hash: string;
            };
            assessed: boolean;
            /**
             * @description 细则对不予评定的组织的称呼，如“不参加评定”“不定级”“不评星级”
             * @example 不参加评定
             */
            notAssessedLabel: string;
            /** @description 该组织细则的全部等次（由高到低），更正时从中选择 */
            gradeScale: {
                grade: string;
                label: string;
            }[];
            reasons: string[];
            grade: {
                grade: string | null;
                label: string | null;
                /** @description 细则为该等次写明的星数（页面显示几颗星）；未写明时为空 */
                stars: number | null;
                rankCategory: number | null;
                rankParent: number | null;
                /** @description 调用者能否看到名次（细则 showRankTo；不能看到时两个名次为空） */
                ranksVisible: boolean;
                lagging: boolean;
                move: string | null;
                lastGradeLabel: string | null;
                steps: string[];
                consequences: string[];
                next: {
                    grade: string;
                    label: string;
                    missing: string;
                    headroom: {
                        indicator: string;
                        title: string;
                        points: string;
                    }[];
                    blockers: string[];
                    text: string;
                } | null;
            } | null;
            /** @example 86.35 */
            total: string;
            totalText: string;
            parts: {
                id: string;
                title: string;
                kind: string;
                points: string;
                max: string | null;
                valid: boolean;
                invalidReason: string | null;
                note: string | null;
                indicators: {
                    id: string;
                    title: string;
                    points: string;
                    max: string | null;
                    note: string | null;
                    lines: {
                        clause: number;
                        type: string;
                        /** @example 主题党日 11 次，每次 5 分，11 × 5 = 55 分，超过上限，计 50 分 */
                        text: string;
                        /** @example 50.00 */
                        points: string;
                        facts: {
                            [key: string]: number | boolean | {
                                [key: string]: {
                                    [key: string]: number;
                                };
                            } | unknown;
                        };
                        evidence: {
                            fact: string;
                            label: string;
                            href: string;
                        }[];
                    }[];
                }[];
            }[];
        };
        Inspection: {
            id: number;
            year: number;
            orgId: number;
            orgName: string;
            indicator: string;
            /** @example -2.00 */
            points: string;
            reason: string;
            evidence: {
                /** @example 会议记录.jpg */
                name: string;
                /** @example files/2025/0618-会议记录.jpg */
                ref: string;
            }[];
            inspectedOn: string;
            createdBy: string;
        };
        CreateInspection: {
            orgId: number;
            /**
             * @description 该组织所属考核类别细则中的指标编号
             * @example ledger_quality
             */
            indicator: string;
            /** @example -2 */
            points: string;
            /** @example 会议记录缺少签到表 */
            reason: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            inspectedOn: string;
            /** @default [] */
            evidence: {
                /** @example 会议记录.jpg */
                name: string;
                /** @example files/2025/0618-会议记录.jpg */
                ref: string;
            }[];
        };
        DeclaredFact: {
            year: number;
            orgId: number;
            orgName: string;
            key: string;
            value?: unknown;
            note: string | null;
            createdBy: string;
            updatedAt: string;
        };
        PutDeclaredFact: {
            orgId: number;
            /** @example team.avg_age */
            key: string;
            value: number | boolean | {
                [key: string]: number;
            } | {
                [key: string]: {
                    [key: string]: number;
                };
            };
            note?: string;
        };
        Dashboard: {
            year: number;
            stateLabel: string;
            /** @description 所用计分版本：已定档取最终版本，否则取最新版本；尚未计分时为空 */
            revisionId: number | null;
            org: {
                id: number;
                code: string;
                name: string;
                kindLabel: string;
                scored: boolean;
            };
            /** @description 从本人所在组织到当前组织 */
            breadcrumbs: {
                id: number;
                name: string;
            }[];
            categories: components["schemas"]["DashboardCategory"][];
            children: components["schemas"]["DashboardChild"][];
            /** @description 历年（已公示或已定档，及本年度）各等次占比 */
            trend: components["schemas"]["DashboardTrend"][];
            /** @description 后进名单（最多 50 个） */
            lagging: {
                count: number;
                items: components["schemas"]["DashboardLagging"][];
            };
            /** @description 较上年晋位、降星、摘星（每种最多 30 个） */
            movers: {
                counts: {
                    move: string;
                    count: number;
                }[];
                items: components["schemas"]["DashboardMover"][];
            };
            coverage: components["schemas"]["DashboardCoverage"][];
        };
        DashboardCategory: {
            category: string;
            categoryLabel: string;
            total: number;
            grades: components["schemas"]["DashboardGradeCount"][];
        };
        DashboardGradeCount: {
            /** @description 等次编码；not_assessed 不参加评定，ungraded 未定级 */
            grade: string;
            label: string;
            count: number;
            /** @description 占该类别的百分比，一位小数 */
            share: string;
        };
        DashboardChild: {
            id: number;
            code: string;
            name: string;
            kindLabel: string;
            /** @description 还有下级组织，可继续下钻 */
            hasChildren: boolean;
            /** @description 本组织有计分结果（可打开我的考核） */
            scored: boolean;
            /** @description 本组织及下级中参加计分的组织数 */
            total: number;
            assessed: number;
            lagging: number;
            categories: components["schemas"]["DashboardCategory"][];
        };
        DashboardTrend: {
            category: string;
            categoryLabel: string;
            years: {
                year: number;
                stateLabel: string;
                total: number;
                grades: components["schemas"]["DashboardGradeCount"][];
            }[];
        };
        DashboardLagging: {
            orgId: number;
            code: string;
            name: string;
            parentName: string | null;
            categoryLabel: string;
            total: string;
            gradeLabel: string;
            reason: {
                code: string | null;
                label: string | null;
                text: string;
            };
        };
        DashboardMover: {
            orgId: number;
            code: string;
            name: string;
            parentName: string | null;
            categoryLabel: string;
            total: string;
            move: string;
            lastGradeLabel: string | null;
            gradeLabel: string;
        };
        DashboardCoverage: {
            /** @enum {string} */
            key: "orgs" | "ledger" | "ballots" | "sheets";
            label: string;
            done: number;
            total: number;
            /** @description 百分比，一位小数；分母为 0 时为空 */
            percent: string | null;
            doneLabel: string;
            totalLabel: string;
        };
        PublishCycle: {
            /** @default 7 */
            appealDays: number;
        };
        CycleSteps: {
            year: number;
            state: string;
            stateLabel: string;
            steps: {
                state: string;
                label: string;
                /** @enum {string} */
                status: "done" | "current" | "waiting";
            }[];
            actions: {
                /** @enum {string} */
                action: "collect" | "review" | "score" | "publish" | "finalize" | "correct";
                /** @example 计分 */
                label: string;
                allowed: boolean;
                /** @description 为什么现在不能做（中文） */
                blockers: string[];
            }[];
            latestRevision: {
                id: number;
                createdAt: string;
                note: string | null;
                organizations: number;
            } | null;
            finalRevisionId: number | null;
            publishedOn: string | null;
            appealDeadline: string | null;
            openAppeals: number;
            corrections: number;
            openEvaluations: {
                kind: string;
                id: number;
                title: string;
            }[];
            /** @description 调用者能否管理考核周期（否则只读） */
            canManage: boolean;
        };
        PublicityList: {
            year: number;
            scopeName: string;
            revisionId: number;
            /** @description false：尚未公示（仅供预览） */
            published: boolean;
            publishedOn: string | null;
            appealDeadline: string | null;
            count: number;
            categories: {
                category: string;
                label: string;
                count: number;
                grades: {
                    grade: string | null;
                    label: string;
                    orgs: {
                        code: string;
                        name: string;
                        parentName: string | null;
                    }[];
                }[];
            }[];
        };
        Appeal: {
            id: number;
            year: number;
            orgId: number;
            orgName: string;
            revisionId: number;
            reason: string;
            evidence: components["schemas"]["LedgerEvidence"][];
            /** @enum {string} */
            status: "open" | "accepted" | "rejected";
            statusLabel: string;
            decisionReason: string | null;
            decidedAt: string | null;
            createdAt: string;
            /** @description 采纳后的下一步 */
            note: string | null;
        };
        AppealInput: {
            orgId: number;
            /** @example 第三季度主题党日已开展并上传佐证，系统记为缺失 */
            reason: string;
            /**
             * @description 证明材料：文字说明，或先用 POST /api/files（purpose=appeal_evidence）上传到本组织的文件
             * @default []
             */
            evidence: ({
                /** @example 会议记录.jpg */
                name: string;
                /** @example files/2025/0618-会议记录.jpg */
                ref: string;
            } | {
                fileId: number;
            })[];
        };
        DecideAppeal: {
            /** @enum {string} */
            decision: "accepted" | "rejected";
            reason: string;
        };
        Correction: {
            orgId: number;
            /** @description 更正后的总分 */
            total?: string;
            /** @description 更正后的等次编号 */
            grade?: string;
            reason: string;
        };
        OrgRecordInput: {
            orgId: number;
            /** @enum {string} */
            type: "honour" | "innovation" | "discipline" | "clean_record" | "weak_lax" | "veto" | "direct_grade";
            /** @enum {string} */
            level?: "street" | "district" | "city" | "province" | "national";
            /** @example 2025 年度区级先进基层党组织 */
            title: string;
            /** @description 直接定级的等次编号 */
            grade?: string;
            reason: string;
            /** @description 直接定级的批准人或批准会议 */
            approver?: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            recordedOn: string;
            /** @default [] */
            evidence: {
                /** @example 会议记录.jpg */
                name: string;
                /** @example files/2025/0618-会议记录.jpg */
                ref: string;
            }[];
        };
        DutyReport: {
            id: number;
            year: number;
            /**
             * @description secretary 书记述职评议；chair 轮值主席履责述评
             * @enum {string}
             */
            kind: "secretary" | "chair";
            kindLabel: string;
            orgId: number;
            orgName: string;
            text: string;
            attachment: {
                fileId: number;
                name: string;
                mime: string;
                size: number;
            } | null;
            submittedAt: string;
        };
        DutyReportInput: {
            orgId: number;
            /**
             * @description secretary 书记述职评议；chair 轮值主席履责述评
             * @default secretary
             * @enum {string}
             */
            kind: "secretary" | "chair";
            text: string;
            /** @description 附件：先用 POST /api/files（purpose=duty_report）上传到本组织，再填文件编号；不给则没有附件 */
            attachment?: {
                fileId: number;
            } | null;
        };
        AssessmentProgress: {
            orgId: number;
            orgName: string;
            parentName: string | null;
            indicators: number;
            selfDone: number;
            reviewDone: number;
            /** @enum {string} */
            status: "notStarted" | "selfInProgress" | "awaitingReview" | "reviewed";
            statusLabel: string;
        };
        OrgAssessments: {
            year: number;
            orgId: number;
            orgName: string;
            ruleSet: {
                id: string;
                title: string;
            };
            window: components["schemas"]["AssessmentWindow"];
            /** @description 调用者现在能否填报自评 */
            canSelf: boolean;
            /** @description 调用者现在能否填报上级评定 */
            canReview: boolean;
            items: components["schemas"]["AssessmentItem"][];
        };
        AssessmentWindow: {
            opens: string | null;
            closes: string | null;
            open: boolean;
            text: string;
        };
        AssessmentItem: {
            indicator: string;
            title: string;
            partTitle: string;
            /**
             * @description 自评和上级评定的满分
             * @example 10.00
             */
            max: string;
            /** @description 自评与上级评定的权重，如 0.4 与 0.6；自评为 0 时以上级评定为准 */
            weights: {
                self: string;
                review: string;
            };
            /** @example 自评 40% + 上级评定 60%；未自评的，自评按 0 分计 */
            ruleText: string;
            self: components["schemas"]["AssessmentScore"];
            review: components["schemas"]["AssessmentScore"];
            /**
             * @description 上级评定减自评（两者都有时）
             * @example -1.50
             */
            difference: string | null;
        };
        AssessmentScore: {
            /** @example 8.50 */
            points: string;
            note: string | null;
            by: string;
            byName: string | null;
            at: string;
        } | null;
        PutAssessment: {
            /**
             * @description 分数，0 到该指标的满分，最多两位小数
             * @example 8.5
             */
            points: string;
            /** @description 说明（自评的依据，或上级评定与自评不同的理由） */
            note?: string;
        };
        SelfAssessmentWindow: {
            /**
             * Format: date
             * @example 2025-06-18
             */
            opens: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            closes: string;
        };
        ReviewSession: {
            id: number;
            year: number;
            /**
             * @description secretary 书记述职评议；chair 轮值主席履责述评
             * @enum {string}
             */
            kind: "secretary" | "chair";
            kindLabel: string;
            orgId: number;
            orgName: string;
            title: string;
            /** @enum {string} */
            state: "draft" | "open" | "closed";
            stateLabel: string;
            items: {
                key: string;
                label: string;
            }[];
            groups: {
                key: string;
                label: string;
                weight: number;
                raters: number;
                used: number;
            }[];
            subjects: {
                orgId: number;
                orgName: string;
                hasReport: boolean;
            }[];
            partialSheets: boolean;
            paperOnly: boolean;
        };
        CreateReviewSessionInput: {
            year: number;
            /**
             * @description secretary 书记述职评议；chair 轮值主席履责述评
             * @default secretary
             * @enum {string}
             */
            kind: "secretary" | "chair";
            /** @description 组织评议的单位（被评议的组织须在其下级） */
            orgId: number;
            /** @example 2025 年度社区党组织书记抓基层党建述职评议 */
            title: string;
            /** @description 评议项目；“总体评价”总是附在最后。不给则用默认项目 */
            items?: {
                key: string;
                label: string;
            }[];
            /** @description 评议群体及权重（合计为 1）；不给则用上级党委 40%、党代表 30%、驻区单位代表 15%、群众代表 15% */
            groups?: {
                key: string;
                label: string;
                weight: number;
            }[];
            /**
             * @description 一张评议表可以只评其中部分组织（评议人了解的组织）；默认须逐一评议
             * @default false
             */
            partialSheets: boolean;
            /**
             * @description 只用纸质评议表：不发评议码、不登记评议人账号也可开始，评议表通过导入计入
             * @default false
             */
            paperOnly: boolean;
        };
        ReviewOptions: {
            kinds: {
                /**
                 * @description secretary 书记述职评议；chair 轮值主席履责述评
                 * @enum {string}
                 */
                key: "secretary" | "chair";
                label: string;
            }[];
            /** @description 可选的评议群体及常用权重（创建时按 key 提交） */
            groups: {
                key: string;
                label: string;
                weight: number;
            }[];
            /** @description 默认评议项目 */
            items: {
                key: string;
                label: string;
            }[];
            /** @description 每张评议表最后总有的一项 */
            overallItem: {
                key: string;
                label: string;
            };
            answers: string[];
            minGroupSample: number;
        };
        ReviewerSheet: {
            sessionId: number;
            year: number;
            title: string;
            kindLabel: string;
            organizer: string;
            /** @enum {string} */
            state: "draft" | "open" | "closed";
            stateLabel: string;
            /** @description 本人是否已提交（只有是否提交，不含评议内容） */
            submitted: boolean;
        };
        AddReviewSubjectsInput: {
            orgIds: number[];
        };
        AddedReviewRaters: {
            group: string;
            added: number;
            /** @description 一次性评议码，只显示这一次；库中只存哈希 */
            codes: string[];
        };
        AddReviewRatersInput: {
            group: string;
            /** @description 生成多少个一次性评议码（只显示这一次） */
            codes?: number;
            /** @description “评议人”账号的编号 */
            userIds?: number[];
            /** @description 这些评议人只评议的组织（须是本次评议的被评议组织），如“本单位”只评本单位的书记；不给则评议全部 */
            subjectOrgIds?: number[];
        };
        ReviewTransitionInput: {
            /** @enum {string} */
            to: "open" | "closed";
        };
        ReviewResults: {
            sessionId: number;
            title: string;
            minGroupSample: number;
            subjects: {
                orgId: number;
                orgName: string;
                sheets: number;
                groups: {
                    key: string;
                    label: string;
                    weight: number;
                    sheets: number;
                    /** @description 该群体票数少于最低样本时不显示分项票数，以免推知个人的评议 */
                    shown: boolean;
                    items: {
                        [key: string]: {
                            [key: string]: number;
                        };
                    };
                }[];
            }[];
        };
        ReviewBallot: {
            sessionId: number;
            title: string;
            kindLabel: string;
            group: {
                key: string;
                label: string;
            };
            items: {
                key: string;
                label: string;
            }[];
            answers: string[];
            /** @description 可以只评议其中了解的组织 */
            partial: boolean;
            /**
             * @description secretary 书记述职评议；chair 轮值主席履责述评
             * @enum {string}
             */
            kind: "secretary" | "chair";
            subjects: {
                orgId: number;
                orgName: string;
                secretaryName: string | null;
                report: string | null;
                /** @description 轮值主席履责述评：该单位本年度的轮值主席任期，及任期内认领的本社区项目（牵头解决的问题） */
                chairTerms: {
                    community: string;
                    startsOn: string;
                    endsOn: string;
                    duties: string | null;
                    claimed: number;
                    closed: number;
                    projects: {
                        title: string;
                        stateLabel: string;
                        closedOn: string | null;
                        overdue: boolean;
                    }[];
                }[];
            }[];
        };
        ReviewVoteReceipt: {
            /** @description 本次计入的被评议组织数 */
            counted: number;
        };
        ReviewVotesInput: {
            votes: {
                orgId: number;
                answers: {
                    [key: string]: "好" | "较好" | "一般" | "差";
                };
            }[];
        };
        TwowayView: {
            agreementId: number;
            year: number;
            communityId: number;
            communityName: string;
            unitId: number;
            unitName: string;
            /** @description 本年度使用的评价表（目录中的版本，开始评价后固定） */
            catalog: {
                community_rates_unit?: {
                    key: string;
                    label: string;
                    max: number;
                    /** @description 系统计算的项目：每种成果的得分；null 为由评价方填写 */
                    computed: {
                        [key: string]: number;
                    } | null;
                    basis: string | null;
                    /** @description 系统计算的项目：按今天的项目清单和微心愿算出的分数及算式 */
                    now: {
                        points: number;
                        text: string;
                    } | null;
                }[];
                unit_rates_community?: {
                    key: string;
                    label: string;
                    max: number;
                    /** @description 系统计算的项目：每种成果的得分；null 为由评价方填写 */
                    computed: {
                        [key: string]: number;
                    } | null;
                    basis: string | null;
                    /** @description 系统计算的项目：按今天的项目清单和微心愿算出的分数及算式 */
                    now: {
                        points: number;
                        text: string;
                    } | null;
                }[];
            };
            evaluations: {
                /**
                 * @description community_rates_unit 社区评价共建单位；unit_rates_community 共建单位评价社区
                 * @enum {string}
                 */
                direction: "community_rates_unit" | "unit_rates_community";
                directionLabel: string;
                byOrgId: number;
                byOrgName: string;
                items: {
                    [key: string]: number;
                };
                total: string;
                comment: string | null;
                submittedAt: string;
            }[];
            /** @description 尚未作出的评价方向 */
            missing: ("community_rates_unit" | "unit_rates_community")[];
        };
        TwowayInput: {
            /**
             * @description community_rates_unit 社区评价共建单位；unit_rates_community 共建单位评价社区
             * @enum {string}
             */
            direction: "community_rates_unit" | "unit_rates_community";
            /** @description 各项得分，如 {"attendance": 28, "activities": 20, …}；项目和满分见 GET 的 catalog */
            items: {
                [key: string]: number;
            };
            comment?: string;
        };
        MemberFeedback: {
            agreementId: number;
            items: {
                memberId: number;
                memberName: string;
                reported: boolean;
                hours: string;
                rating: string | null;
                comment: string | null;
            }[];
        };
        MemberFeedbackInput: {
            members: {
                memberId: number;
                reported: boolean;
                /**
                 * @description 小时数，最多两位小数
                 * @example 2.50
                 */
                hours?: string;
                /** @enum {string} */
                rating?: "好" | "较好" | "一般" | "差";
                comment?: string;
            }[];
        };
        TwowayOverview: {
            year: number;
            agreements: number;
            /** @description 两个方向都已评价的协议数 */
            complete: number;
            /** @description 社区尚未评价共建单位的协议数 */
            communityOwes: number;
            /** @description 共建单位尚未评价社区的协议数 */
            unitOwes: number;
            items: {
                agreementId: number;
                communityId: number;
                communityName: string;
                unitId: number;
                unitName: string;
                /** @description 社区一方（社区评价共建单位） */
                community: {
                    done: boolean;
                    /** @description 本方给出的总分；未填写为 null */
                    total: string | null;
                    submittedAt: string | null;
                };
                /** @description 共建单位一方（共建单位评价社区） */
                unit: {
                    done: boolean;
                    /** @description 本方给出的总分；未填写为 null */
                    total: string | null;
                    submittedAt: string | null;
                };
                missing: ("community_rates_unit" | "unit_rates_community")[];
                /** @description 谁还欠评价，如“社区未评价”；都已评价为空串 */
                missingText: string;
            }[];
        };
        CatalogKind: {
            /** @example cobuilding_activity */
            code: string;
            /** @example 共建活动 */
            name: string;
            /** @example 共驻共建 */
            group: string;
            /**
             * @description month 每月、quarter 每季度、year 每年；null 不定期
             * @enum {string|null}
             */
            period: "month" | "quarter" | "year" | null;
            periodLabel: string;
            /**
             * @description outcome 衡量成效，trace 只是留痕（减负校验用）
             * @enum {string}
             */
            measure: "outcome" | "trace";
            measureLabel: string;
            /** @description 填报时须填写时长（小时） */
            requiresHours: boolean;
            retired: boolean;
            retiredAt: string | null;
            createdBy: string;
            createdAt: string;
        };
        CreateCatalogKind: {
            /**
             * @description 编码：考核细则按它引用，建立后不能修改
             * @example cobuilding_activity
             */
            code: string;
            /**
             * @description 名称：填报和导入时也可以用它
             * @example 共建活动
             */
            name: string;
            /**
             * @description 分组
             * @example 共驻共建
             */
            group: string;
            /**
             * @description month 每月、quarter 每季度、year 每年；不填为不定期
             * @default null
             * @enum {string|null}
             */
            period: "month" | "quarter" | "year" | null;
            /**
             * @description outcome 衡量成效，trace 只是留痕
             * @enum {string}
             */
            measure: "outcome" | "trace";
            /**
             * @description 填报时须填写时长（小时）
             * @default false
             */
            requiresHours: boolean;
        };
        UpdateCatalogKind: {
            name?: string;
            group?: string;
            /** @enum {string|null} */
            period?: "month" | "quarter" | "year" | null;
            /** @enum {string} */
            measure?: "outcome" | "trace";
            requiresHours?: boolean;
        };
        CatalogCategory: {
            /** @example hospital */
            code: string;
            /** @example 医院党组织 */
            label: string;
            /** @description 归入这一类别的存续组织数 */
            orgCount: number;
            retired: boolean;
            retiredAt: string | null;
            createdBy: string;
            createdAt: string;
        };
        CreateCatalogCategory: {
            /**
             * @description 编码：考核细则按它引用，建立后不能修改
             * @example hospital
             */
            code: string;
            /**
             * @description 名称：排名、考核结果和导入中都用它
             * @example 医院党组织
             */
            label: string;
        };
        UpdateCatalogCategory: {
            label: string;
        };
        TwowayForms: {
            forms: {
                /**
                 * @description community_rates_unit 社区评价共建单位；unit_rates_community 共建单位评价社区
                 * @enum {string}
                 */
                direction: "community_rates_unit" | "unit_rates_community";
                directionLabel: string;
                version: number;
                items: {
                    key: string;
                    label: string;
                    max: number;
                    computed: {
                        /** @description 单位在该社区按期销号的项目，每个得分 */
                        closedOnTime: number;
                        /** @description 逾期销号的项目，每个得分 */
                        closedLate: number;
                        /** @description 实现该社区（含网格）的微心愿，每个得分 */
                        wishFulfilled: number;
                        /** @description 逾期未销号的项目，每个得分（一般为负数） */
                        overdueOpen: number;
                    } | null;
                    /** @description 系统计算的项目：计算方法（中文） */
                    basis: string | null;
                }[];
                createdBy: string;
                createdAt: string;
                /** @description 已开始评价的年度及其使用的版本（不随新版本改变） */
                pinnedYears: {
                    year: number;
                    version: number;
                }[];
            }[];
            canEdit: boolean;
        };
        TwowayFormInput: {
            items: {
                key: string;
                label: string;
                max: number;
                /** @description 有此项时由系统按项目清单和微心愿计算（资源项目落实），双方不填写 */
                computed?: {
                    /** @description 单位在该社区按期销号的项目，每个得分 */
                    closedOnTime: number;
                    /** @description 逾期销号的项目，每个得分 */
                    closedLate: number;
                    /** @description 实现该社区（含网格）的微心愿，每个得分 */
                    wishFulfilled: number;
                    /** @description 逾期未销号的项目，每个得分（一般为负数） */
                    overdueOpen: number;
                };
            }[];
        };
        RecordKind: {
            code: string;
            name: string;
            groupName: string;
            /** @enum {string} */
            unit: "times" | "hours";
            /** @enum {string} */
            measure: "outcome" | "trace";
        };
        LedgerRecord: {
            id: number;
            orgId: number;
            orgName: string;
            cycleYear: number;
            kind: string;
            kindName: string;
            occurredOn: string;
            title: string;
            participants: number;
            /** @description 参加的党员（编号） */
            memberIds: number[];
            hours: string | null;
            evidence: components["schemas"]["LedgerEvidence"][];
            /** @enum {string} */
            status: "submitted" | "verified" | "rejected";
            statusLabel: string;
            source: string;
            createdBy: string;
            createdAt: string;
            reviewedBy: string | null;
            reviewedAt: string | null;
            reviewReason: string | null;
        };
        CreateLedgerRecord: {
            orgId: number;
            /**
             * @description 记录类型编码或中文名，见 GET /api/ledger/kinds
             * @example theme_day
             */
            kind: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            occurredOn: string;
            /** @description 可选；给出时日期必须在该年度内 */
            cycleYear?: number;
            /** @example 6 月主题党日：重温入党誓词 */
            title: string;
            participants?: number;
            memberIds?: number[];
            /**
             * @description 小时数，最多两位小数
             * @example 2.50
             */
            hours?: string;
            /** @default [] */
            evidence: ({
                /** @example 会议记录.jpg */
                name: string;
                /** @example files/2025/0618-会议记录.jpg */
                ref: string;
            } | {
                fileId: number;
            })[];
        };
        UpdateLedgerRecord: {
            /**
             * @description 记录类型编码或中文名，见 GET /api/ledger/kinds
             * @example theme_day
             */
            kind: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            occurredOn: string;
            /** @description 可选；给出时日期必须在该年度内 */
            cycleYear?: number;
            /** @example 6 月主题党日：重温入党誓词 */
            title: string;
            participants?: number;
            memberIds?: number[];
            /**
             * @description 小时数，最多两位小数
             * @example 2.50
             */
            hours?: string;
            /** @default [] */
            evidence: ({
                /** @example 会议记录.jpg */
                name: string;
                /** @example files/2025/0618-会议记录.jpg */
                ref: string;
            } | {
                fileId: number;
            })[];
        };
        BulkReviewLedger: {
            /** @description 待审核记录的编号，最多 500 条 */
            ids: number[];
            /**
             * @description verify 审核通过；reject 退回（须说明原因）
             * @enum {string}
             */
            action: "verify" | "reject";
            /** @example 缺少签到表 */
            reason?: string;
        };
        RejectLedgerRecord: {
            /** @example 缺少签到表 */
            reason: string;
        };
        StoredFile: {
            id: number;
            orgId: number;
            name: string;
            /** @enum {string} */
            mime: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
            size: number;
            width: number | null;
            height: number | null;
            hasThumbnail: boolean;
            createdAt: string;
        };
        Meeting: {
            id: number;
            cycleYear: number;
            /**
             * @description joint_meeting 大党委联席会议；policy_study 政策学习会
             * @enum {string}
             */
            kind: "joint_meeting" | "policy_study";
            kindLabel: string;
            hostOrgId: number;
            hostOrgName: string;
            title: string;
            heldOn: string;
            attendance: {
                orgId: number;
                orgName: string;
                /** @enum {string} */
                status: "present" | "excused" | "absent";
                statusLabel: string;
                note: string | null;
            }[];
        };
        CreateMeeting: {
            hostOrgId: number;
            /**
             * @description joint_meeting 大党委联席会议；policy_study 政策学习会
             * @enum {string}
             */
            kind: "joint_meeting" | "policy_study";
            /** @example 第二季度大党委联席会议 */
            title: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            heldOn: string;
            attendance: {
                orgId: number;
                /** @enum {string} */
                status: "present" | "excused" | "absent";
                note?: string;
            }[];
        };
        SetAttendance: {
            attendance: {
                orgId: number;
                /** @enum {string} */
                status: "present" | "excused" | "absent";
                note?: string;
            }[];
        };
        Checkin: {
            id: number;
            memberId: number;
            memberName: string;
            memberOrgId: number;
            memberOrgName: string;
            communityId: number;
            communityName: string;
            cycleYear: number;
            /**
             * @description report 到社区报到；service 志愿服务（须填时长）
             * @enum {string}
             */
            kind: "report" | "service";
            kindLabel: string;
            occurredOn: string;
            hours: string | null;
            activity: string | null;
        };
        CreateCheckin: {
            memberId: number;
            communityId: number;
            /**
             * @description report 到社区报到；service 志愿服务（须填时长）
             * @enum {string}
             */
            kind: "report" | "service";
            /**
             * Format: date
             * @example 2025-06-18
             */
            occurredOn: string;
            /**
             * @description 小时数，最多两位小数
             * @example 2.50
             */
            hours?: string;
            /** @example 小区垃圾分类宣传 */
            activity?: string;
        };
        Campaign: {
            id: number;
            year: number;
            orgId: number;
            orgName: string;
            title: string;
            /** @enum {string} */
            subject: "org" | "project";
            subjectLabel: string;
            /** @enum {string} */
            state: "draft" | "open" | "closed";
            stateLabel: string;
            items: {
                key: string;
                label: string;
            }[];
            answers: string[];
            raterGroups: string[];
            opensOn: string;
            closesOn: string;
            targets?: {
                targetId: number;
                orgId: number;
                orgName: string;
                projectId: number | null;
                projectTitle: string | null;
                /** @description 评议对象：组织名称，或「项目名称（社区）」 */
                name: string;
                validBallots: number;
                voidedBallots: number;
                codesIssued: number;
            }[];
        };
        CreateCampaignInput: {
            year: number;
            /** @description 组织评议的党组织（区委、街道党工委）；评议对象须在其下 */
            orgId: number;
            /** @example 2026 年度社区党组织群众满意度测评 */
            title: string;
            /**
             * @description org 评议党组织；project 评议已销号的共建项目（评议对象填项目编号）
             * @default org
             * @enum {string}
             */
            subject: "org" | "project";
            /**
             * @example [
             *       {
             *         "key": "service",
             *         "label": "服务群众"
             *       },
             *       {
             *         "key": "efficiency",
             *         "label": "办事效率"
             *       },
             *       {
             *         "key": "members",
             *         "label": "党员作用"
             *       }
             *     ]
             */
            items: {
                key: string;
                label: string;
            }[];
            /**
             * @description 答案选项（即细则 votes 条款的答案名）
             * @default [
             *       "很满意",
             *       "满意",
             *       "基本满意",
             *       "不太满意",
             *       "不满意",
             *       "不了解"
             *     ]
             */
            answers: string[];
            /**
             * @default [
             *       "居民"
             *     ]
             * @example [
             *       "居民",
             *       "党员",
             *       "驻区单位代表"
             *     ]
             */
            raterGroups: string[];
            /** @description 评议对象：组织编号；subject 为 project 时为项目编号 */
            targets: number[];
            /**
             * Format: date
             * @example 2025-06-18
             */
            opensOn: string;
            /**
             * Format: date
             * @example 2025-06-18
             */
            closesOn: string;
        };
        CampaignOptions: {
            /** @description 评议码卡片上二维码指向的公网地址（XINGPING_PUBLIC_URL） */
            publicUrl: string;
            /** @description 地址是否只指向本机（127.0.0.1、localhost）：手机扫码打不开 */
            publicUrlIsLocal: boolean;
            answers: string[];
            items: {
                key: string;
                label: string;
            }[];
            /** @description 评议共建项目时的常用项目 */
            projectItems: {
                key: string;
                label: string;
            }[];
            raterGroups: string[];
        };
        IssueCodesInput: {
            /** @description 评议对象（组织编号），评议党组织的活动填写 */
            targetOrgId?: number;
            /** @description 评议对象（项目编号），评议共建项目的活动填写 */
            targetProjectId?: number;
            raterGroup: string;
            count: number;
            /**
             * Format: date
             * @description 评议码有效期至（含当日，北京时间）；默认为评议结束日期
             * @example 2025-06-18
             */
            expiresOn?: string;
        };
        VoidBallotInput: {
            reason: string;
        };
        VoidedBallots: {
            campaignId: number;
            ballotIds: number[];
            voidedAt: string;
            reason: string;
        };
        VoidBallotsInput: {
            ballotIds: number[];
            reason: string;
        };
        AuditEntry: {
            id: number;
            at: string;
            actorId: string;
            actorName: string;
            actorRole: string;
            actorRoleLabel: string;
            action: string;
            /** @description 操作的中文名称 */
            actionLabel: string;
            entity: string;
            /** @description 对象类型的中文名称 */
            entityLabel: string;
            entityId: string;
            orgId: number | null;
            orgName: string | null;
            before?: unknown;
            after?: unknown;
            changes: components["schemas"]["AuditChange"][];
        };
        /** @description 一个有变化的字段：字段路径（嵌套的以点号连接）、中文名称、修改前、修改后 */
        AuditChange: {
            field: string;
            label: string;
            before: string | null;
            after: string | null;
        };
        ApiToken: {
            id: number;
            name: string;
            /** @description 令牌的开头几位，用于区分令牌；令牌本身不再显示 */
            prefix: string;
            userId: number;
            login: string;
            displayName: string;
            /** @enum {string} */
            role: "admin" | "leader" | "org_user" | "reviewer";
            roleLabel: string;
            /** @enum {string} */
            kind: "person" | "script";
            orgId: number;
            orgName: string;
            createdAt: string;
            revokedAt: string | null;
        };
        CreatedApiToken: components["schemas"]["ApiToken"] & {
            /** @description 令牌本身，只返回这一次 */
            token: string;
        };
        CreateTokenRequest: {
            login?: string;
            /** @enum {string} */
            role?: "admin" | "leader" | "org_user" | "reviewer";
            orgId?: number;
            name?: string;
        };
        YearRuleSets: {
            year: number;
            /** @description 调用者所在组织的考核类别（页面默认显示它） */
            ownCategory: string | null;
            items: components["schemas"]["YearRuleSet"][];
        };
        YearRuleSet: {
            category: string;
            categoryLabel: string;
            id: string;
            title: string;
            version: string;
            hash: string;
            /** @description 这一版细则适用的全部考核类别 */
            categories: {
                code: string;
                label: string;
            }[];
            /** @description 是否已固定到本年度（首次计分或发布时固定） */
            pinned: boolean;
            pinnedAt: string | null;
            /** @description 固定者的姓名（命令行为“命令行”） */
            pinnedBy: string | null;
        };
        Rubric: {
            id: string;
            title: string;
            version: string;
            hash: string;
            source: string | null;
            categories: {
                code: string;
                label: string;
            }[];
            total: number | null;
            totalText: string;
            notes: string[];
            parts: {
                id: string;
                title: string;
                /** @enum {string} */
                kind: "score" | "bonus" | "deduction";
                kindLabel: string;
                points: number | null;
                weight: number;
                counted: boolean;
                notes: string[];
                rows: {
                    indicatorId: string;
                    indicator: string;
                    points: number | null;
                    method: string[];
                }[];
            }[];
            grading: {
                grades: {
                    id: string;
                    label: string;
                    stars: number | null;
                    condition: string;
                    consequences: string[];
                }[];
                rules: string[];
            } | null;
        };
        RuleDrafts: {
            /** @description 调用者能否新建、修改、预览和发布草稿（区县组织部管理员） */
            canEdit: boolean;
            items: components["schemas"]["RuleDraftSummary"][];
        };
        RuleDraftSummary: {
            id: number;
            /** @description 细则的 id（文本无法解析时为空） */
            ruleSetId: string | null;
            title: string | null;
            version: string | null;
            categories: {
                code: string;
                label: string;
            }[];
            /** @description 能否通过校验（含示例） */
            valid: boolean;
            /** @description 上次保存时的错误个数 */
            errorCount: number;
            /** @description 通过校验时的内容校验码（发布后即版本的校验码） */
            hash: string | null;
            /** @description 从哪一版细则复制而来（校验码） */
            basedOn: string | null;
            /**
             * @description file：启动时从 rules/ 导入；console：在页面上新建；cli：命令行导入
             * @enum {string}
             */
            origin: "file" | "console" | "cli";
            /** @description 导入时的文件名 */
            file: string | null;
            updatedAt: string;
            /** @description 最后修改者的姓名 */
            updatedBy: string | null;
            publishedYear: number | null;
            publishedAt: string | null;
        };
        RuleDraftValidation: {
            valid: boolean;
            /** @description 可以预览：细则本身无误，只有示例可能未通过（发布须全部通过） */
            previewable: boolean;
            hash: string | null;
            ruleSetId: string | null;
            title: string | null;
            version: string | null;
            categories: {
                code: string;
                label: string;
            }[];
            /** @description 通过的示例个数 */
            examples: number;
            issues: components["schemas"]["RuleDraftIssue"][];
        };
        RuleDraftIssue: {
            /** @example $.parts[0].indicators[2].clauses[0].points */
            path: string;
            message: string;
            /** @description 出错位置在草稿文本中的行号（从 1 起；找不到时为空） */
            line: number | null;
            /** @enum {string} */
            severity: "error" | "warning";
        };
        ValidateRuleDraftInput: {
            /** @description 细则的 JSON 文本（与 rules/*.json 的格式相同） */
            source: string;
        };
        RefreshedRuleExamples: {
            source: string;
            /** @description 更新了的示例名称 */
            updated: string[];
        };
        RuleDraft: components["schemas"]["RuleDraftSummary"] & {
            source: string;
            issues: components["schemas"]["RuleDraftIssue"][];
        };
        CreateRuleDraftInput: {
            fromHash?: string;
            /** @description 细则的 JSON 文本（与 rules/*.json 的格式相同） */
            source?: string;
            /** @description 复制为这一考核类别的第一版细则（新增的类别用）：只适用于该类别，编号、标题随之改变，版本为 1 */
            forCategory?: string;
        };
        SaveRuleDraftInput: {
            /** @description 细则的 JSON 文本（与 rules/*.json 的格式相同） */
            source: string;
            updatedAt?: string;
        };
        RulePreview: {
            previewId: number;
            year: number;
            ruleSet: {
                id: string;
                title: string;
                version: string;
                hash: string;
            };
            categories: string[];
            /** @description 现用版本下各等次的组织数（等次名 → 个数，按细则的等次顺序） */
            before: {
                [key: string]: number;
            };
            after: {
                [key: string]: number;
            };
            changes: {
                orgId: number;
                code: string;
                name: string;
                before: {
                    total: string;
                    grade: string | null;
                };
                after: {
                    total: string;
                    grade: string | null;
                };
                why: string[];
            }[];
            warnings: string[];
        };
        PreviewRuleDraftInput: {
            year: number;
        };
        PublishedRuleDraft: {
            year: number;
            ruleSet: {
                id: string;
                version: string;
                hash: string;
            };
            categories: string[];
            previewId: number | null;
            draft: components["schemas"]["RuleDraftSummary"];
        };
        PublishRuleDraftInput: {
            year: number;
            /** @description 本年度已有计分结果时必填：同一内容的预览编号 */
            previewId?: number;
        };
        JobAccepted: {
            job: components["schemas"]["Job"];
            /** @description false：已有相同的任务（同一范围、年度和计分版本）在排队、进行或已完成，返回该任务 */
            created: boolean;
        };
        Job: {
            id: number;
            /** @enum {string} */
            kind: "book" | "score";
            /** @example 考核评价汇编（合订本） */
            kindLabel: string;
            /** @example 2025 年度考核评价汇编 · 星城街道 */
            title: string;
            orgId: number;
            orgName: string;
            orgCode: string;
            year: number;
            /** @description 合订本所依据的计分版本（打印内容只取自这一版本）；计分任务为空，其结果是新的计分版本 */
            revisionId: number | null;
            state: components["schemas"]["JobState"];
            stateLabel: string;
            progress: {
                /** @example 打印 */
                step: string;
                done: number;
                total: number;
                percent: number;
                /** @example 页 */
                unit?: string;
            } | null;
            /** @description 失败原因（中文） */
            error: string | null;
            attempts: number;
            /** @description 申请人 */
            requestedBy: string;
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
            result: {
                fileId: number;
                pages: number;
                scorecards: number;
                bytes: number;
                seconds: number;
            } | null;
            summary: components["schemas"]["RevisionSummary"] & unknown;
        };
        /** @enum {string} */
        JobState: "queued" | "running" | "done" | "failed" | "cancelled";
        BookRequest: {
            /** @example 2025 */
            year: number;
            /** @description 合订本的范围：该组织及其下属全部组织 */
            orgId: number;
        };
        ScoreRequest: {
            /** @example 2026 */
            year: number;
            /** @description 本次计分的说明（记入计分版本） */
            note?: string;
            /** @description 只重算上次计分以来数据有变化的组织（增量版本）；不能增量时自动全部重算 */
            changed?: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
